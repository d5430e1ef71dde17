package com.edutrack.accounts;

import com.edutrack.auth.Role;

/** A user account about to be inserted; {@code id} is filled in by the insert. */
public class NewUser {

    private Long id;
    private final String email;
    private final String passwordHash;
    private final String firstName;
    private final String lastName;
    private final String phone;
    private final String role;

    public NewUser(String email, String passwordHash, String firstName, String lastName, String phone, Role role) {
        this.email = email;
        this.passwordHash = passwordHash;
        this.firstName = firstName;
        this.lastName = lastName;
        this.phone = phone;
        this.role = role.value();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getPhone() {
        return phone;
    }

    public String getRole() {
        return role;
    }
}
