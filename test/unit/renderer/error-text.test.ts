import { describe, expect, it } from 'vitest';

import { AppError } from '../../../shared/domain/errors';
import { errorText } from '../../../renderer/src/store/errors';

describe('errorText', () => {
  it('says a wrong password is a wrong password, not that the person is signed out', () => {
    expect(errorText(new AppError('unauthenticated', 'Wrong email or password'))).toBe('Wrong email or password');
    expect(errorText(new AppError('unauthenticated', 'The current password is wrong'))).toBe('The current password is wrong');
  });

  it('still explains a lost session', () => {
    expect(errorText(new AppError('unauthenticated', 'Session expired'))).toBe('You are signed out. (Session expired)');
  });
});
