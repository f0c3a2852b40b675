import { decimal, shape, text } from '../fields/field';

/** Mainland phone numbers: mobiles, landlines with area code and optional extension, or 12345. */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|12345)$/;

const phoneMessage = (path: string) => ({
  'zh-CN': '请填写 11 位手机号或带区号的固定电话（如 0731-58581234）',
  en: `${path} must be a mobile number (11 digits) or a landline such as 0731-58581234.`,
});

/** A phone number field; personal numbers are masked for roles that do not call people. */
export function phoneField<const Required extends boolean>(label: { 'zh-CN': string; en: string }, required: Required, personal: boolean) {
  return text({ label, required, maxLength: 20, pattern: { regex: PHONE_PATTERN, message: phoneMessage }, personalPhone: personal });
}

/** A named contact person (管家, 联系人, requester). */
export const person = shape(
  'Person',
  {
    name: text({ label: { 'zh-CN': '姓名', en: 'Name' }, required: true, maxLength: 50 }),
    phone: phoneField({ 'zh-CN': '联系电话', en: 'Phone' }, true, true),
  },
  'A named contact; the phone is masked (138****5678) for roles that do not call people (VIEWER).',
);

/**
 * A point on the map (WGS 84). Coordinates are rounded to 7 decimal places (about 1 cm): more
 * precision means nothing on the ground, and rounding keeps every value storable.
 */
export const geoPoint = shape('GeoPoint', {
  lat: decimal({ label: { 'zh-CN': '纬度', en: 'Latitude' }, required: true, min: -90, max: 90, places: 7, excessPlaces: 'round' }),
  lng: decimal({ label: { 'zh-CN': '经度', en: 'Longitude' }, required: true, min: -180, max: 180, places: 7, excessPlaces: 'round' }),
});
