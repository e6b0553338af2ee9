/**
 * MITRE ATT&CK (Enterprise) techniques that Switchboard scenarios may cite, each with its name and tactics as
 * verified against the ATT&CK release named in ATTACK_VERSION, and the ids that release retired. The validator
 * accepts an id only from ATTACK_TECHNIQUES, so every id a scenario mentions has been checked by a person.
 *
 * To cite a new technique: look it up on attack.mitre.org for this release, add a row with its full name
 * ("Technique: Sub-technique"), its tactics and where you checked it, and list it in ./README.md.
 * When ATT&CK publishes a new release: re-check every row, move renumbered ids to ATTACK_RETIRED, bump
 * ATTACK_VERSION, and scenarios' `attackVersion` must follow (the validator says so).
 */

/** The ATT&CK release this table was verified against (a scenario's `attackVersion` must name it). */
export const ATTACK_VERSION = '19';

export const ATTACK_RELEASE =
	'MITRE ATT&CK Enterprise v19 (April 2026; v19.1 and v19.2 changed none of these ids)';

/** Enterprise tactics from v19 on: Defense Evasion was split into Stealth and Defense Impairment. */
export type Tactic =
	| 'Reconnaissance'
	| 'Resource Development'
	| 'Initial Access'
	| 'Execution'
	| 'Persistence'
	| 'Privilege Escalation'
	| 'Stealth'
	| 'Defense Impairment'
	| 'Credential Access'
	| 'Discovery'
	| 'Lateral Movement'
	| 'Collection'
	| 'Command and Control'
	| 'Exfiltration'
	| 'Impact';

export interface Technique {
	name: string;
	tactics: readonly Tactic[];
	/** Where the id, name and tactics were checked; the letters are the sources listed in ./README.md. */
	checked: string;
}

export const ATTACK_TECHNIQUES: Readonly<Record<string, Technique>> = {
	// Cited by the shipped scenarios (objectives' `attack` lists, notes and docs/sources/).
	T1021: { name: 'Remote Services', tactics: ['Lateral Movement'], checked: 'B' },
	'T1021.004': { name: 'Remote Services: SSH', tactics: ['Lateral Movement'], checked: 'B, C' },
	T1040: { name: 'Network Sniffing', tactics: ['Credential Access', 'Discovery'], checked: 'B' },
	'T1048.003': {
		name: 'Exfiltration Over Alternative Protocol: Exfiltration Over Unencrypted Non-C2 Protocol',
		tactics: ['Exfiltration'],
		checked: 'B'
	},
	T1078: {
		name: 'Valid Accounts',
		tactics: ['Initial Access', 'Persistence', 'Privilege Escalation', 'Stealth'],
		checked: 'B'
	},
	'T1110.002': { name: 'Brute Force: Password Cracking', tactics: ['Credential Access'], checked: 'B' },
	T1136: { name: 'Create Account', tactics: ['Persistence'], checked: 'B' },
	'T1136.001': { name: 'Create Account: Local Account', tactics: ['Persistence'], checked: 'B' },
	T1190: { name: 'Exploit Public-Facing Application', tactics: ['Initial Access'], checked: 'B' },
	T1199: { name: 'Trusted Relationship', tactics: ['Initial Access'], checked: 'B' },
	T1556: {
		name: 'Modify Authentication Process',
		tactics: ['Persistence', 'Defense Impairment', 'Credential Access'],
		checked: 'B'
	},
	T1571: { name: 'Non-Standard Port', tactics: ['Command and Control'], checked: 'B' },
	T1572: { name: 'Protocol Tunneling', tactics: ['Command and Control'], checked: 'B' },
	'T1574.001': { name: 'Hijack Execution Flow: DLL', tactics: ['Execution', 'Stealth'], checked: 'B, C' },
	'T1602.002': {
		name: 'Data from Configuration Repository: Network Device Configuration Dump',
		tactics: ['Collection'],
		checked: 'B'
	},
	T1685: { name: 'Disable or Modify Tools', tactics: ['Defense Impairment'], checked: 'B, C' },
	'T1685.006': {
		name: 'Disable or Modify Tools: Clear Linux or Mac System Logs',
		tactics: ['Defense Impairment'],
		checked: 'B, C'
	},
	T1686: { name: 'Disable or Modify System Firewall', tactics: ['Defense Impairment'], checked: 'B, C, D' },
	'T1686.002': {
		name: 'Disable or Modify System Firewall: Network Device Firewall',
		tactics: ['Defense Impairment'],
		checked: 'A, B, C'
	},
	// Checked ahead for the telecom scenarios (AA25-239A and MITRE G1045 behaviour); not cited yet.
	'T1020.001': {
		name: 'Automated Exfiltration: Traffic Duplication',
		tactics: ['Exfiltration'],
		checked: 'B'
	},
	'T1059.008': {
		name: 'Command and Scripting Interpreter: Network Device CLI',
		tactics: ['Execution'],
		checked: 'B, E'
	},
	'T1070.003': { name: 'Indicator Removal: Clear Command History', tactics: ['Stealth'], checked: 'B' },
	'T1070.009': { name: 'Indicator Removal: Clear Persistence', tactics: ['Stealth'], checked: 'B' },
	'T1090.003': { name: 'Proxy: Multi-hop Proxy', tactics: ['Command and Control'], checked: 'B' },
	'T1098.004': {
		name: 'Account Manipulation: SSH Authorized Keys',
		tactics: ['Persistence', 'Privilege Escalation'],
		checked: 'B'
	},
	T1133: { name: 'External Remote Services', tactics: ['Initial Access', 'Persistence'], checked: 'B' },
	'T1556.004': {
		name: 'Modify Authentication Process: Network Device Authentication',
		tactics: ['Persistence', 'Defense Impairment', 'Credential Access'],
		checked: 'B'
	},
	T1557: { name: 'Adversary-in-the-Middle', tactics: ['Credential Access', 'Collection'], checked: 'B' },
	'T1587.001': { name: 'Develop Capabilities: Malware', tactics: ['Resource Development'], checked: 'B' },
	'T1588.002': { name: 'Obtain Capabilities: Tool', tactics: ['Resource Development'], checked: 'B' },
	'T1590.004': {
		name: 'Gather Victim Network Information: Network Topology',
		tactics: ['Reconnaissance'],
		checked: 'B'
	},
	'T1601.001': {
		name: 'Modify System Image: Patch System Image',
		tactics: ['Defense Impairment'],
		checked: 'B'
	},
	'T1602.001': {
		name: 'Data from Configuration Repository: SNMP (MIB Dump)',
		tactics: ['Collection'],
		checked: 'B'
	},
	T1609: { name: 'Container Administration Command', tactics: ['Execution'], checked: 'B' },
	T1610: { name: 'Deploy Container', tactics: ['Execution'], checked: 'B' },
	T1690: { name: 'Prevent Command History Logging', tactics: ['Defense Impairment'], checked: 'B, C' }
};

/** An id ATT&CK revoked or renumbered, with the ids that replace it. */
export interface RetiredTechnique {
	name: string;
	/** The release that retired it. */
	since: string;
	replacedBy: readonly string[];
}

/** Ids retired up to ATTACK_VERSION that authors are likely to carry over from older material (source C). */
export const ATTACK_RETIRED: Readonly<Record<string, RetiredTechnique>> = {
	T1562: { name: 'Impair Defenses', since: '19', replacedBy: ['T1685', 'T1686'] },
	'T1562.001': { name: 'Impair Defenses: Disable or Modify Tools', since: '19', replacedBy: ['T1685'] },
	'T1562.002': {
		name: 'Impair Defenses: Disable Windows Event Logging',
		since: '19',
		replacedBy: ['T1685.001']
	},
	'T1562.003': {
		name: 'Impair Defenses: Impair Command History Logging',
		since: '19',
		replacedBy: ['T1690']
	},
	'T1562.004': {
		name: 'Impair Defenses: Disable or Modify System Firewall',
		since: '19',
		replacedBy: ['T1686', 'T1686.002']
	},
	'T1562.006': { name: 'Impair Defenses: Indicator Blocking', since: '19', replacedBy: ['T1685'] },
	'T1562.007': {
		name: 'Impair Defenses: Disable or Modify Cloud Firewall',
		since: '19',
		replacedBy: ['T1686.001']
	},
	'T1562.008': {
		name: 'Impair Defenses: Disable or Modify Cloud Logs',
		since: '19',
		replacedBy: ['T1685.002']
	},
	'T1562.009': { name: 'Impair Defenses: Safe Mode Boot', since: '19', replacedBy: ['T1688'] },
	'T1562.010': { name: 'Impair Defenses: Downgrade Attack', since: '19', replacedBy: ['T1689'] },
	'T1562.011': { name: 'Impair Defenses: Spoof Security Alerting', since: '19', replacedBy: ['T1685.003'] },
	'T1562.012': {
		name: 'Impair Defenses: Disable or Modify Linux Audit System',
		since: '19',
		replacedBy: ['T1685.004']
	},
	'T1562.013': {
		name: 'Impair Defenses: Disable or Modify Network Device Firewall',
		since: '19',
		replacedBy: ['T1686.002']
	},
	'T1070.001': {
		name: 'Indicator Removal: Clear Windows Event Logs',
		since: '19',
		replacedBy: ['T1685.005']
	},
	'T1070.002': {
		name: 'Indicator Removal: Clear Linux or Mac System Logs',
		since: '19',
		replacedBy: ['T1685.006']
	},
	T1656: { name: 'Impersonation', since: '19', replacedBy: ['T1684.001'] },
	T1672: { name: 'Email Spoofing', since: '19', replacedBy: ['T1684.002'] },
	'T1574.002': { name: 'Hijack Execution Flow: DLL Side-Loading', since: '17', replacedBy: ['T1574.001'] }
};
