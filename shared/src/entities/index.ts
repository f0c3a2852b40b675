export * from './approval.entity';
export * from './calendar-day';
export * from './enterprise.entity';
export * from './project.entity';
export * from './service-request.entity';
export * from './station.entity';
export * from './values';
