import { describe, expect, it } from 'vitest';
import { demoEnterprises, demoStations } from './demo-data';
import { demoRequests } from './demo-requests';

describe('demo requests', () => {
  it('name only stations and enterprises of the demo data, each enterprise served by the named station', () => {
    const stations = new Set(demoStations.map((station) => station.code));
    const stationOf = new Map(demoEnterprises.map((enterprise) => [enterprise.name, enterprise.stationCode]));
    for (const request of demoRequests) {
      if (request.stationCode) expect(stations.has(request.stationCode), request.title).toBe(true);
      if (request.enterpriseName) expect(stationOf.get(request.enterpriseName), request.enterpriseName).toBe(request.stationCode);
    }
  });

  it('mix every channel, and station services and visits at every pilot station', () => {
    const channels = new Set(demoRequests.map((request) => request.channel));
    expect([...channels].sort()).toEqual(['HOTLINE', 'ONLINE', 'ONSITE', 'STATION']);
    for (const station of demoStations) {
      const own = demoRequests.filter((request) => request.stationCode === station.code);
      expect(own.filter((request) => request.channel === 'STATION').length, station.code).toBeGreaterThanOrEqual(8);
      expect(own.filter((request) => request.channel === 'ONSITE').length, station.code).toBeGreaterThanOrEqual(3);
    }
  });

  it('give station requests a station and hotline tickets a 12345 number, unique', () => {
    for (const request of demoRequests) {
      if (request.channel === 'STATION' || request.channel === 'ONSITE') expect(request.stationCode, request.title).not.toBeNull();
      if (request.channel === 'HOTLINE') expect(request.externalNumber, request.title).toMatch(/^XT12345-/);
    }
    const numbers = demoRequests.flatMap((request) => (request.externalNumber ? [request.externalNumber] : []));
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('record outcomes for the station figures: jobs filled, financing, problems solved', () => {
    const outcomes = demoRequests.flatMap((request) => request.steps.flatMap((step) => (step.action === 'REPLY' && step.outcome ? [step.outcome] : [])));
    expect(outcomes.reduce((sum, outcome) => sum + (outcome.jobsFilled ?? 0), 0)).toBeGreaterThan(100);
    expect(outcomes.reduce((sum, outcome) => sum + (outcome.financingAmount ?? 0), 0)).toBeGreaterThan(1000);
    expect(outcomes.filter((outcome) => outcome.issueResolved).length).toBeGreaterThan(20);
  });
});
