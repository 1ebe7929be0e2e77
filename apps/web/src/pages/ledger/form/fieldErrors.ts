import type { FormInstance } from 'antd';

type Issue = { path: readonly PropertyKey[]; message: string };

/**
 * Put a contract's validation messages (zod issues) on the form items they concern, the first
 * message per item: an issue about one entry of a list (`people.others.2`) goes to the list's
 * item. The form's field names follow the contract's, so paths map one to one.
 */
export function showIssues(form: FormInstance, issues: readonly Issue[]) {
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const issue of issues) {
    const cut = issue.path.findIndex((part) => typeof part === 'number');
    const name = (cut < 0 ? issue.path : issue.path.slice(0, cut)).map(String);
    const key = name.join('.');
    if (!byField.has(key)) byField.set(key, { name, errors: [issue.message] });
  }
  // Clear what the last attempt said, then show this one's.
  form.setFields(form.getFieldsError().map(({ name }) => ({ name, errors: [] })));
  form.setFields([...byField.values()]);
  return [...byField.values()];
}
