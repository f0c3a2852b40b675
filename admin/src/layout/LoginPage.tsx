import { Alert, Box, Button, Card, CardContent, CircularProgress, Stack, TextField, Typography } from '@mui/material';
import { type FormEvent, useState } from 'react';
import { LocalesMenuButton, useLogin, useNotify, useTranslate } from 'react-admin';
import { type SignInStep, SignInStepRequired } from '../authProvider/session';
import { useConsoleConfig } from './ConsoleConfigContext';

/**
 * Sign-in: username and password, then whatever the issuer asks next (Cognito: a new password
 * on first sign-in, setting up or entering a TOTP code).
 */
export function LoginPage() {
  const login = useLogin();
  const notify = useNotify();
  const translate = useTranslate();
  const config = useConsoleConfig();
  const [step, setStep] = useState<SignInStep | 'PASSWORD'>('PASSWORD');
  const [secret, setSecret] = useState<string | undefined>();
  const [values, setValues] = useState({ username: '', password: '', newPassword: '', code: '' });
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const params =
        step === 'PASSWORD'
          ? { username: values.username, password: values.password }
          : step === 'NEW_PASSWORD'
            ? { newPassword: values.newPassword }
            : { code: values.code };
      await login(params);
    } catch (error) {
      if (error instanceof SignInStepRequired) {
        setStep(error.step);
        setSecret(error.secret);
      } else {
        notify((error as Error).message || 'ra.auth.sign_in_error', { type: 'error' });
      }
    } finally {
      setBusy(false);
    }
  };

  const field = (name: keyof typeof values, label: string, type = 'text', autoComplete?: string) => (
    <TextField
      name={name}
      label={label}
      type={type}
      autoComplete={autoComplete}
      value={values[name]}
      onChange={(event) => setValues({ ...values, [name]: event.target.value })}
      fullWidth
      required
      margin="normal"
    />
  );

  return (
    <Box component="main" sx={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', bgcolor: 'grey.100' }}>
      <Card sx={{ width: 380 }}>
        <CardContent>
          <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
            <Typography variant="h5" component="h1">
              {translate('yizhan.title')}
            </Typography>
            <LocalesMenuButton />
          </Stack>
          <Box component="form" onSubmit={submit} noValidate={false}>
            {step === 'PASSWORD' && (
              <>
                {field('username', translate('ra.auth.username'), 'text', 'username')}
                {field('password', translate('ra.auth.password'), 'password', 'current-password')}
              </>
            )}
            {step === 'NEW_PASSWORD' && (
              <>
                <Alert severity="info">{translate('yizhan.auth.new_password_help')}</Alert>
                {field('newPassword', translate('yizhan.auth.new_password'), 'password', 'new-password')}
              </>
            )}
            {(step === 'TOTP' || step === 'MFA_SETUP') && (
              <>
                <Alert severity="info">
                  {translate(step === 'TOTP' ? 'yizhan.auth.code_help' : 'yizhan.auth.mfa_setup_help')}
                  {secret && (
                    <Box component="code" sx={{ display: 'block', mt: 1, wordBreak: 'break-all' }}>
                      {secret}
                    </Box>
                  )}
                </Alert>
                {field('code', translate('yizhan.auth.code'), 'text', 'one-time-code')}
              </>
            )}
            <Button type="submit" variant="contained" fullWidth sx={{ mt: 2 }} disabled={busy}>
              {busy ? <CircularProgress size={24} /> : translate(step === 'PASSWORD' ? 'ra.auth.sign_in' : 'yizhan.auth.continue')}
            </Button>
          </Box>
          {config.authMode === 'local' && (
            <Typography variant="body2" sx={{ mt: 2, color: 'text.secondary' }}>
              {translate('yizhan.auth.demo_users')}
            </Typography>
          )}
        </CardContent>
      </Card>
    </Box>
  );
}
