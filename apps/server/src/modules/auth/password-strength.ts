import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import type { SecurityPolicy } from '@pairing/shared';
import { invalid } from '../../lib/errors.ts';

// Beyond length and character classes (the shared schema, 等保 2.0), a chosen password must not
// be a common one or a keyboard walk (issue 16 item 7): zxcvbn's common-password dictionaries
// and its guess estimate, score 3 of 4 ("safely unguessable") or better.
zxcvbnOptions.setOptions({ dictionary, graphs: adjacencyGraphs });

export const minimumScore = 3;

/** A guesser tries it early; `userInputs` are the account's own words (name, username). */
export const isGuessable = (password: string, userInputs: string[] = []) =>
  zxcvbn(password, userInputs).score < minimumScore;

/** Refuse a guessable password with 422 on `field`. */
export function refuseGuessablePassword(
  password: string,
  field: string,
  userInputs: string[] = [],
) {
  if (isGuessable(password, userInputs)) {
    throw invalid('密码过于常见或容易猜测，请换一个', {
      [field]: '密码过于常见或容易猜测（如 password1、键盘连续字符、姓名加年份），请换一个',
    });
  }
}

/**
 * Refuse a password shorter than the security administrator's minimum with 422 on `field`; the
 * shared schema already holds the floor of 10.
 */
export function refuseShortPassword(
  password: string,
  field: string,
  policy: Pick<SecurityPolicy, 'minPasswordLength'>,
) {
  if ([...password].length < policy.minPasswordLength) {
    const message = `密码至少 ${policy.minPasswordLength} 位`;
    throw invalid(message, { [field]: message });
  }
}
