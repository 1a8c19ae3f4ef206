// Stored shape of the in-app inbox.
/** The in-app inbox always has every reminder and notice, whether or not a subscription message could be sent. */
export interface InboxRecord {
  _id: string;
  townshipId: string;
  personId: string;
  kind: 'reminder' | 'notice' | 'case' | 'weeklyContact' | 'hazard';
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}
