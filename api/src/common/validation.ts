import { Field } from 'type-graphql';
import { IsDefined, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf, registerDecorator, type ValidationOptions } from 'class-validator';
import { validateCreditCode } from '@yizhan/shared';

/**
 * For fields a record must always have. On a create the field is required; on an update it may
 * be left out (unchanged), but an explicit null is validated, and so refused.
 */
export function RequiredField(optionalInput: boolean): PropertyDecorator {
  return optionalInput
    ? ValidateIf((_object, value: unknown) => value !== undefined)
    : IsDefined({ message: ({ property }) => `${property} is required.` });
}

/** For fields a record may lack: null or absent skips the other checks. */
export const OptionalField = (): PropertyDecorator => IsOptional();

/** A Unified Social Credit Code (GB 32100-2015), with the reason when it is not one. */
export function IsCreditCode(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isCreditCode',
      target: target.constructor,
      propertyName: String(propertyName),
      ...(options ? { options } : {}),
      validator: {
        validate: (value: unknown) => typeof value === 'string' && validateCreditCode(value).valid,
        defaultMessage: (args) => {
          const result = typeof args?.value === 'string' ? validateCreditCode(args.value) : undefined;
          const reason = result && !result.valid ? result.reason : 'it must be a string.';
          return `creditCode is not a valid Unified Social Credit Code: ${reason}`;
        },
      },
    });
  };
}

/** Mainland phone numbers: mobiles, or landlines with area code, optional extension. */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|12345)$/;
export const PHONE_MESSAGE = 'phone must be a mobile number (11 digits) or a landline such as 0731-58581234.';

/**
 * A text field a record must have: required on create, optional on update, never blank, at
 * most `maxLength` characters. One decorator instead of five on every such field.
 */
export function RequiredText(optionalInput: boolean, maxLength: number, description?: string): PropertyDecorator {
  return (target, propertyKey) => {
    const property = String(propertyKey);
    const decorators: PropertyDecorator[] = [
      Field(() => String, { nullable: optionalInput, ...(description ? { description } : {}) }),
      RequiredField(optionalInput),
      IsString({ message: `${property} must be text.` }),
      IsNotEmpty({ message: `${property} must not be empty.` }),
      MaxLength(maxLength, { message: `${property} must be at most ${maxLength} characters.` }),
    ];
    for (const decorate of decorators) decorate(target, propertyKey);
  };
}
