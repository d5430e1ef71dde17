'use client';
import { useRouter } from 'next/navigation';
import { api } from '@/lib/api';

export function LogoutButton() {
    const router = useRouter();
    async function logOut() {
        await api.auth.logout(); // through the proxy: the refresh cookie goes along and is revoked
        router.replace('/login');
        router.refresh();
    }
    return <button onClick={logOut}>Log out</button>;
}
