/**
 * NIST Cybersecurity Framework 2.0 categories (FUNCTION.CATEGORY and name), as data the validator checks
 * objectives' `csf` lists against. Where the list comes from and how it was checked: ./README.md.
 */
import type { CsfFunction } from '../../types';

export const CSF_SOURCE =
	'NIST CSWP 29, The NIST Cybersecurity Framework (CSF) 2.0, 26 February 2024; NIST OSCAL catalog NIST_CSF_v2.0_catalog';

/** The 22 categories of CSF 2.0 by id. Withdrawn CSF 1.1 categories (ID.BE, PR.IP, DE.DP, RS.IM, ...) are absent. */
export const CSF_CATEGORIES: Readonly<Record<string, { function: CsfFunction; name: string }>> = {
	'GV.OC': { function: 'GV', name: 'Organizational Context' },
	'GV.RM': { function: 'GV', name: 'Risk Management Strategy' },
	'GV.RR': { function: 'GV', name: 'Roles, Responsibilities, and Authorities' },
	'GV.PO': { function: 'GV', name: 'Policy' },
	'GV.OV': { function: 'GV', name: 'Oversight' },
	'GV.SC': { function: 'GV', name: 'Cybersecurity Supply Chain Risk Management' },
	'ID.AM': { function: 'ID', name: 'Asset Management' },
	'ID.RA': { function: 'ID', name: 'Risk Assessment' },
	'ID.IM': { function: 'ID', name: 'Improvement' },
	'PR.AA': { function: 'PR', name: 'Identity Management, Authentication, and Access Control' },
	'PR.AT': { function: 'PR', name: 'Awareness and Training' },
	'PR.DS': { function: 'PR', name: 'Data Security' },
	'PR.PS': { function: 'PR', name: 'Platform Security' },
	'PR.IR': { function: 'PR', name: 'Technology Infrastructure Resilience' },
	'DE.CM': { function: 'DE', name: 'Continuous Monitoring' },
	'DE.AE': { function: 'DE', name: 'Adverse Event Analysis' },
	'RS.MA': { function: 'RS', name: 'Incident Management' },
	'RS.AN': { function: 'RS', name: 'Incident Analysis' },
	'RS.CO': { function: 'RS', name: 'Incident Response Reporting and Communication' },
	'RS.MI': { function: 'RS', name: 'Incident Mitigation' },
	'RC.RP': { function: 'RC', name: 'Incident Recovery Plan Execution' },
	'RC.CO': { function: 'RC', name: 'Incident Recovery Communication' }
};
