import { sweep } from '../sweeper/sweeper';
import { runMaintenance } from './maintenance';

/** `npm run sweep`: one sweeper run by hand against the local table; prints what it changed as JSON. */
void runMaintenance('Sweep', (backend) => sweep(backend));
