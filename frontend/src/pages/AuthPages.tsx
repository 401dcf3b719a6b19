/** Sign-in and sign-up: the only pages reachable without a token. */
import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, messageOf, storeToken } from '../api/client';
import { logIn, signUp } from '../api/endpoints';
import { describedBy, FieldError } from '../components/FieldError';
import { TimezoneInput } from '../components/TimezoneInput';
import { Link } from '../lib/router';
import { browserZone } from '../lib/zonedTime';
import { resolveZone } from '../lib/zoneSearch';

const AUTH_FIELDS = ['email', 'password', 'timezone'];

function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="auth-page">
      <p className="brand" aria-hidden="true">
        Kadence
      </p>
      <h1>{title}</h1>
      {children}
    </main>
  );
}

/**
 * One sign-in or sign-up form's state and submit: the email and password, busy while the request runs, the token it
 * answers stored and handed on. Field errors stay next to their fields; anything else (a taken email, a wrong
 * password) is said above the form.
 */
function useAuthForm(request: (email: string, password: string) => Promise<{ token: string }>, onSignedIn: (token: string) => void) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFieldErrors({});
    setGeneral('');
    try {
      const session = await request(email.trim(), password);
      storeToken(session.token);
      onSignedIn(session.token);
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors : {};
      setFieldErrors(fields);
      const unplaced = Object.keys(fields).filter((field) => !AUTH_FIELDS.includes(field));
      setGeneral(Object.keys(fields).length && !unplaced.length ? '' : messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  return { email, setEmail, password, setPassword, busy, fieldErrors, general, submit };
}

type AuthForm = ReturnType<typeof useAuthForm>;

/** What both forms start with: the error that belongs to no field, then email and password. */
function AuthFormHead({ form, passwordAutocomplete }: { form: AuthForm; passwordAutocomplete: 'current-password' | 'new-password' }) {
  return (
    <>
      {form.general && (
        <p className="form-error" role="alert">
          {form.general}
        </p>
      )}
      <EmailAndPassword
        email={form.email}
        password={form.password}
        onEmail={form.setEmail}
        onPassword={form.setPassword}
        errors={form.fieldErrors}
        passwordAutocomplete={passwordAutocomplete}
      />
    </>
  );
}

interface AuthProps {
  onSignedIn: (token: string) => void;
}

export function LoginPage({ onSignedIn }: AuthProps) {
  const form = useAuthForm(logIn, onSignedIn);
  return (
    <AuthLayout title="Sign in">
      <form className="stack" onSubmit={form.submit} noValidate>
        <AuthFormHead form={form} passwordAutocomplete="current-password" />
        <button type="submit" className="primary" disabled={form.busy}>
          Sign in
        </button>
      </form>
      <p>
        New to Kadence? <Link href="/signup">Create an account</Link>
      </p>
    </AuthLayout>
  );
}

export function SignupPage({ onSignedIn }: AuthProps) {
  const [timezone, setTimezone] = useState(browserZone);
  const form = useAuthForm((email, password) => signUp(email, password, resolveZone(timezone) ?? timezone.trim()), onSignedIn);
  return (
    <AuthLayout title="Create your account">
      <form className="stack" onSubmit={form.submit} noValidate>
        <AuthFormHead form={form} passwordAutocomplete="new-password" />
        <div className="field">
          <TimezoneInput
            value={timezone}
            onChange={setTimezone}
            error={form.fieldErrors.timezone}
            hint="Due dates and reminders are shown in this zone, detected from your browser. Type a city to change it."
          />
          <FieldError field="timezone" message={form.fieldErrors.timezone} label="Time zone" />
        </div>
        <button type="submit" className="primary" disabled={form.busy}>
          Create account
        </button>
      </form>
      <p>
        Already have an account? <Link href="/login">Sign in</Link>
      </p>
    </AuthLayout>
  );
}

interface EmailAndPasswordProps {
  email: string;
  password: string;
  onEmail: (value: string) => void;
  onPassword: (value: string) => void;
  errors: Record<string, string>;
  passwordAutocomplete: 'current-password' | 'new-password';
}

function EmailAndPassword({ email, password, onEmail, onPassword, errors, passwordAutocomplete }: EmailAndPasswordProps) {
  return (
    <>
      <div className="field">
        <label htmlFor="auth-email">Email</label>
        <input
          id="auth-email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(event) => onEmail(event.target.value)}
          {...describedBy('email', errors.email)}
        />
        <FieldError field="email" message={errors.email} label="Email" />
      </div>
      <div className="field">
        <label htmlFor="auth-password">Password</label>
        <input
          id="auth-password"
          type="password"
          autoComplete={passwordAutocomplete}
          value={password}
          onChange={(event) => onPassword(event.target.value)}
          {...describedBy('password', errors.password)}
        />
        <FieldError field="password" message={errors.password} label="Password" />
      </div>
    </>
  );
}
