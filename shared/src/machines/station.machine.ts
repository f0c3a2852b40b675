import { Role, StationAction, StationStatus } from '../enums';
import type { StateMachine } from '../state-machine';

/** Lifecycle of a service station: ACTIVE ⇄ SUSPENDED, either → CLOSED. Park administration only. */
export const stationMachine: StateMachine<StationStatus, StationAction> = {
  name: 'Station',
  initial: StationStatus.ACTIVE,
  states: [StationStatus.ACTIVE, StationStatus.SUSPENDED, StationStatus.CLOSED],
  final: [StationStatus.CLOSED],
  transitions: [
    {
      action: StationAction.SUSPEND,
      from: [StationStatus.ACTIVE],
      to: StationStatus.SUSPENDED,
      roles: [Role.ADMIN],
      description: 'Stop serving for a while (renovation, staffing); the station leaves the public map.',
    },
    {
      action: StationAction.RESUME,
      from: [StationStatus.SUSPENDED],
      to: StationStatus.ACTIVE,
      roles: [Role.ADMIN],
    },
    {
      action: StationAction.CLOSE,
      from: [StationStatus.ACTIVE, StationStatus.SUSPENDED],
      to: StationStatus.CLOSED,
      roles: [Role.ADMIN],
      description: 'Close for good; the station and its history stay readable.',
    },
  ],
};
