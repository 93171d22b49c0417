import type { SourceDocument } from './schema/provenance';

/**
 * National documents any pack may cite (statutory guidance and legislation). A pack cites them by id
 * in a fact's `source.doc`, as it cites its own documents from sources.json. Cite a chapter or
 * section a reader can find; cite a paragraph number only when it has been checked against the text.
 */
export const NATIONAL_DOCUMENTS: readonly SourceDocument[] = [
  { id: 'wt23', kind: 'national', title: 'Working Together to Safeguard Children 2023 (statutory guidance)', short: 'Working Together 2023', date: 'December 2023', url: 'https://www.gov.uk/government/publications/working-together-to-safeguard-children--2' },
  { id: 'kcsie', kind: 'national', title: 'Keeping Children Safe in Education (statutory guidance for schools and colleges)', short: 'Keeping Children Safe in Education', date: '2024 edition', url: 'https://www.gov.uk/government/publications/keeping-children-safe-in-education--2' },
  { id: 'info-sharing-advice', kind: 'national', title: 'Information sharing: advice for practitioners providing safeguarding services', short: 'Information sharing advice (DfE)', date: 'May 2024', url: 'https://www.gov.uk/government/publications/safeguarding-practitioners-information-sharing-advice' },
  { id: 'children-act-1989', kind: 'national', title: 'Children Act 1989', short: 'Children Act 1989', date: '1989', url: 'https://www.legislation.gov.uk/ukpga/1989/41' },
  { id: 'children-act-2004', kind: 'national', title: 'Children Act 2004 (as amended by the Children and Social Work Act 2017)', short: 'Children Act 2004', date: '2004, amended 2017', url: 'https://www.legislation.gov.uk/ukpga/2004/31' },
  { id: 'education-act-2002', kind: 'national', title: 'Education Act 2002', short: 'Education Act 2002', date: '2002', url: 'https://www.legislation.gov.uk/ukpga/2002/32/section/175' },
  { id: 'health-and-care-act-2022', kind: 'national', title: 'Health and Care Act 2022 (integrated care boards replaced clinical commissioning groups on 1 July 2022)', short: 'Health and Care Act 2022', date: '2022', url: 'https://www.legislation.gov.uk/ukpga/2022/31' },
  { id: 'domestic-abuse-act-2021', kind: 'national', title: 'Domestic Abuse Act 2021', short: 'Domestic Abuse Act 2021', date: '2021', url: 'https://www.legislation.gov.uk/ukpga/2021/17/section/3' },
  { id: 'missing-children-guidance', kind: 'national', title: 'Children who run away or go missing from home or care (statutory guidance)', short: 'Missing children guidance (DfE)', date: 'January 2014', url: 'https://www.gov.uk/government/publications/children-who-run-away-or-go-missing-from-home-or-care' },
  { id: 'modern-slavery-guidance', kind: 'national', title: 'Modern Slavery: statutory guidance for England and Wales (the National Referral Mechanism)', short: 'Modern slavery statutory guidance', date: 'current edition', url: 'https://www.gov.uk/government/publications/modern-slavery-how-to-identify-and-support-victims' },
  { id: 'child-death-review-guidance', kind: 'national', title: 'Child Death Review: Statutory and Operational Guidance (England)', short: 'Child death review guidance', date: 'September 2018', url: 'https://www.gov.uk/government/publications/child-death-review-statutory-and-operational-guidance-england' },
  { id: 'report-serious-incident', kind: 'national', title: 'Report a serious child safeguarding incident (GOV.UK)', short: 'GOV.UK: report a serious incident', date: 'current page', url: 'https://www.gov.uk/guidance/report-a-serious-child-safeguarding-incident' },
];
