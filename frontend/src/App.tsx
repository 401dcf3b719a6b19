/** Which page shows: the sign-in pages without a token, the signed-in app with one. */
import { useEffect, useState } from 'react';
import { clearToken, handleUnauthorized, storedToken } from './api/client';
import { logOut } from './api/endpoints';
import { LoginPage, SignupPage } from './pages/AuthPages';
import { SignedInApp } from './pages/SignedInApp';
import { navigate, Redirect, useLocation } from './lib/router';

const PUBLIC_PATHS = ['/login', '/signup'];

export function App() {
  const { pathname } = useLocation();
  const [token, setToken] = useState(storedToken);

  useEffect(() => {
    handleUnauthorized(() => {
      setToken(null);
      navigate('/login', { replace: true });
    });
  }, []);

  const signOut = async () => {
    try {
      await logOut(); // revokes the token on the server, so a copy of it is no good either
    } catch {
      // signed out here all the same: an expired or already revoked token, or the server out of reach
    }
    clearToken();
    setToken(null);
    navigate('/login');
  };
  const signedIn = (newToken: string) => {
    setToken(newToken);
    navigate('/', { replace: true });
  };

  const isPublic = PUBLIC_PATHS.includes(pathname);
  if (!token) {
    if (pathname === '/signup') return <SignupPage onSignedIn={signedIn} />;
    if (pathname === '/login') return <LoginPage onSignedIn={signedIn} />;
    return <Redirect to="/login" />;
  }
  if (isPublic) return <Redirect to="/" />;
  // Keyed by token: a different account starts from a clean slate (its own stream, list and notifications).
  return <SignedInApp key={token} onSignOut={signOut} />;
}
