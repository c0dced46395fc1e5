import { startServer } from './server';

// The bundled server the VS Code client starts over IPC.
startServer();
