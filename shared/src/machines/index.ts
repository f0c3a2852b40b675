export * from './station.machine';
export * from './enterprise.machine';
export * from './service-request.machine';
export * from './approval.machine';
