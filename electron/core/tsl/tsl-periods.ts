/**
 * When a CA/QC service of a trusted list is a trust anchor: the periods of its status history with a status
 * under which it issues qualified certificates (granted, or the pre-eIDAS equivalents), and whether each period
 * covers qualified certificates for electronic signatures (ForeSignatures, or no usage restriction listed).
 */
import { ASI, QUALIFIED_STATUSES, SVC_TYPE_CA_QC } from './tsl-namespaces';
import type { ServiceStatusEntry, TrustService } from './tsl-types';
import type { Qualification } from '../trust/qualifications';

export interface AnchorPeriod {
  from: Date;
  /** exclusive; undefined = still current */
  to?: Date;
  /** qualified certificates for electronic signatures in this period */
  qualified: boolean;
  /** the service's qualifications in this period (which certificates are qualified, or not) */
  qualifications?: Qualification[];
}

function forESignatures(e: ServiceStatusEntry): boolean {
  const usages = [ASI.forESignatures, ASI.forESeals, ASI.forWebSiteAuthentication];
  const listed = e.additionalServiceInfo.filter((u) => usages.includes(u as (typeof usages)[number]));
  return listed.length === 0 || listed.includes(ASI.forESignatures);
}

/** The trusted periods of `service`, oldest first (history entries are newest first). */
export function anchorPeriods(service: TrustService): AnchorPeriod[] {
  const periods: AnchorPeriod[] = [];
  service.history.forEach((entry, i) => {
    if (entry.type !== SVC_TYPE_CA_QC || !QUALIFIED_STATUSES.has(entry.status)) return;
    const newer = service.history[i - 1];
    periods.push({
      from: new Date(entry.start),
      to: newer ? new Date(newer.start) : undefined,
      qualified: forESignatures(entry),
      qualifications: entry.qualifications ?? [],
    });
  });
  return periods.reverse();
}

export function periodAt(periods: AnchorPeriod[], at: Date): AnchorPeriod | undefined {
  const time = at.getTime();
  return periods.find((p) => p.from.getTime() <= time && (!p.to || time < p.to.getTime()));
}
