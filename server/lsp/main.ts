import { serveChecksIfAny } from './check-thread';
import { startServer } from './server';

// The bundled server the VS Code client starts over IPC; started again as its own check thread, it serves checks.
if (!serveChecksIfAny()) startServer(__filename);
