export * from './__name__';
