// Who supervises (seed 001 §六(三)): "领导小组将联合镇纪委…进行督查" — the township office (the leading group's office)
// and the discipline office.
export const SUPERVISORS = ['office', 'discipline'] as const;
