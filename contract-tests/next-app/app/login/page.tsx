import { LoginForm } from './LoginForm';

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
    const { next } = await searchParams;
    return (
        <>
            <h1>Log in</h1>
            <LoginForm next={next} />
        </>
    );
}
