import { useState } from 'react';
import { App, type FormInstance } from 'antd';
import { applyApiError } from './apiErrors.ts';

/**
 * Send a form's values to the server: `saving` while it runs; a refusal puts the server's
 * per-field messages on the form and shows the overall one (a message, unless `showError`).
 */
export function useFormSubmit<V>(
  form: FormInstance<V>,
  run: (values: V) => Promise<void>,
  showError?: (text: string) => void,
) {
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const submit = async (values: V) => {
    setSaving(true);
    try {
      await run(values);
    } catch (e) {
      const text = applyApiError(form, e);
      if (showError) showError(text);
      else message.error(text);
    } finally {
      setSaving(false);
    }
  };
  return { saving, submit };
}
