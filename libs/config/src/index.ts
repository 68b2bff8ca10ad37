export * from './config';
export * from './config.module';
export * from './auth-secret';
export * from './security.config';
export * from './secret-files';
