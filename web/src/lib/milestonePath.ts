/** The page of one milestone (what a milestone share links to); "_" stands for a once-only milestone's period. */
export const periodSegment = (period: string) => (period === "" ? "_" : encodeURIComponent(period));

export const milestonePath = (handle: string, kind: string, period: string) =>
  `/artists/${encodeURIComponent(handle)}/milestones/${encodeURIComponent(kind)}/${periodSegment(period)}`;
