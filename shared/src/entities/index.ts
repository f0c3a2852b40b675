export * from './values';
export * from './station.entity';
export * from './enterprise.entity';
export * from './calendar-day';
