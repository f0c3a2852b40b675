export * from './approval.machine';
export * from './enterprise.machine';
export * from './project.machine';
export * from './service-request.machine';
export * from './station.machine';
