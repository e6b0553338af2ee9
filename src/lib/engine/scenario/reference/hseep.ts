/**
 * The 32 core capabilities of the National Preparedness Goal, which HSEEP exercise objectives are aligned to,
 * spelt as FEMA spells them. The validator checks objectives' `hseep` lists against them (ignoring case).
 * Where the list comes from: ./README.md.
 */

export const CORE_CAPABILITIES_SOURCE =
	'FEMA, National Preparedness Goal, Second Edition, September 2015; cross-checked with FEMA Core Capability Development Sheets (2018)';

type MissionArea = 'Prevention' | 'Protection' | 'Mitigation' | 'Response' | 'Recovery';
const ALL: MissionArea[] = ['Prevention', 'Protection', 'Mitigation', 'Response', 'Recovery'];

/** Each core capability with the mission areas it serves. */
export const CORE_CAPABILITIES: Readonly<Record<string, readonly MissionArea[]>> = {
	Planning: ALL,
	'Public Information and Warning': ALL,
	'Operational Coordination': ALL,
	'Forensics and Attribution': ['Prevention'],
	'Intelligence and Information Sharing': ['Prevention', 'Protection'],
	'Interdiction and Disruption': ['Prevention', 'Protection'],
	'Screening, Search, and Detection': ['Prevention', 'Protection'],
	'Access Control and Identity Verification': ['Protection'],
	Cybersecurity: ['Protection'],
	'Physical Protective Measures': ['Protection'],
	'Risk Management for Protection Programs and Activities': ['Protection'],
	'Supply Chain Integrity and Security': ['Protection'],
	'Community Resilience': ['Mitigation'],
	'Long-term Vulnerability Reduction': ['Mitigation'],
	'Risk and Disaster Resilience Assessment': ['Mitigation'],
	'Threats and Hazards Identification': ['Mitigation'],
	'Critical Transportation': ['Response'],
	'Environmental Response/Health and Safety': ['Response'],
	'Fatality Management Services': ['Response'],
	'Fire Management and Suppression': ['Response'],
	'Infrastructure Systems': ['Response', 'Recovery'],
	'Logistics and Supply Chain Management': ['Response'],
	'Mass Care Services': ['Response'],
	'Mass Search and Rescue Operations': ['Response'],
	'On-scene Security, Protection, and Law Enforcement': ['Response'],
	'Operational Communications': ['Response'],
	'Public Health, Healthcare, and Emergency Medical Services': ['Response'],
	'Situational Assessment': ['Response'],
	'Economic Recovery': ['Recovery'],
	'Health and Social Services': ['Recovery'],
	Housing: ['Recovery'],
	'Natural and Cultural Resources': ['Recovery']
};
