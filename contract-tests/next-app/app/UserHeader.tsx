import type { User } from '@edutrack/api-client';
import { LogoutButton } from './LogoutButton';

/** The signed-in user, rendered on the server. */
export function UserHeader({ user, title }: { user: User; title: string }) {
    return (
        <header>
            <h1>{title}</h1>
            <p>
                Signed in as <span data-testid="user-name">{user.full_name}</span> ({user.role}) <LogoutButton />
            </p>
        </header>
    );
}
