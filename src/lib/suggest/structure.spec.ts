import { describe, expect, it } from 'vitest';
import { reasonCodes } from './reasons';
import { analyseStructure } from './structure';
import type { Reason, SuggestLanguage, UnitAnalysis } from './types';

function codes(analysis: UnitAnalysis | undefined): string[] {
	return analysis?.reasons.map((reason) => reason.code) ?? [];
}

function reasonWith(analysis: UnitAnalysis | undefined, code: string): Reason | undefined {
	return analysis?.reasons.find((reason) => reason.code === code);
}

function claimOf(analyses: UnitAnalysis[]): number {
	return analyses.findIndex((analysis) => analysis.function === 'central_claim');
}

describe('analyseStructure: central claim', () => {
	it.each<[SuggestLanguage, string[], string]>([
		[
			'en',
			['Cars are loud.', 'Bikes are quiet.', 'Therefore the city should build more bike lanes.'],
			'Therefore'
		],
		[
			'de',
			['Autos sind laut.', 'Fahrräder sind leise.', 'Deshalb sollte die Stadt mehr Radwege bauen.'],
			'Deshalb'
		]
	])(
		'chooses the unit with a conclusion marker over the first unit (%s)',
		(language, units, cue) => {
			const analyses = analyseStructure(units, language);
			expect(claimOf(analyses)).toBe(2);
			expect(reasonWith(analyses[2], 'claim_conclusion')?.params).toEqual({ connective: cue });
			expect(analyses[0]).toMatchObject({ function: 'support', target: 2, stance: 'pro' });
		}
	);

	it.each<[SuggestLanguage, string[], string]>([
		[
			'en',
			['Children play in parks.', 'Parks cool the city.', 'The city must keep its parks.'],
			'must'
		],
		[
			'de',
			[
				'Kinder spielen in Parks.',
				'Parks kühlen die Stadt.',
				'Die Stadt muss ihre Parks erhalten.'
			],
			'muss'
		]
	])('chooses the unit that says what should be done (%s)', (language, units, cue) => {
		const analyses = analyseStructure(units, language);
		expect(claimOf(analyses)).toBe(2);
		expect(codes(analyses[2])).toEqual(
			expect.arrayContaining(['claim_deontic', 'claim_last_unit', 'stance_claim'])
		);
		expect(reasonWith(analyses[2], 'claim_deontic')?.params).toEqual({ connective: cue });
	});

	it.each<[SuggestLanguage, string[]]>([
		['en', ['Parks are good for a city.', 'Children play there.', 'Old people meet there.']],
		[
			'de',
			['Parks tun einer Stadt gut.', 'Kinder spielen dort.', 'Alte Menschen treffen sich dort.']
		]
	])('falls back to the first unit when no cue decides (%s)', (language, units) => {
		const analyses = analyseStructure(units, language);
		expect(claimOf(analyses)).toBe(0);
		expect(codes(analyses[0])).toContain('claim_first_unit');
	});

	it('prefers a stated opinion to a sentence that merely starts the text', () => {
		const analyses = analyseStructure(
			['The trains were late again this week.', 'I think the city needs a new timetable.'],
			'en'
		);
		expect(claimOf(analyses)).toBe(1);
		expect(reasonWith(analyses[1], 'claim_opinion')?.params).toEqual({ connective: 'I think' });
	});

	it('never picks a unit that grants the other side', () => {
		const analyses = analyseStructure(
			['Natürlich kosten Radwege Geld.', 'Die Stadt sollte trotzdem mehr Radwege bauen.'],
			'de'
		);
		expect(claimOf(analyses)).toBe(1);
		expect(analyses[0]).toMatchObject({ function: 'attack', target: 1, stance: 'opp' });
	});

	it('handles a single unit and no units', () => {
		expect(analyseStructure(['The city should plant trees.'], 'en')).toEqual([
			{
				function: 'central_claim',
				target: null,
				stance: 'pro',
				reasons: [{ code: 'claim_only_unit' }, { code: 'stance_claim' }]
			}
		]);
		expect(analyseStructure([], 'de')).toEqual([]);
	});
});

describe('analyseStructure: support', () => {
	it.each<[SuggestLanguage, string[], string]>([
		[
			'en',
			['The city should build more bike lanes,', 'because cycling keeps people healthy.'],
			'because'
		],
		['de', ['Die Stadt sollte mehr Radwege bauen,', 'weil Radfahren gesund hält.'], 'weil'],
		['de', ['Die Stadt sollte mehr Radwege bauen.', 'Denn Radfahren hält gesund.'], 'Denn']
	])('a reason connective supports the unit before (%s)', (language, units, cue) => {
		const [, reason] = analyseStructure(units, language);
		expect(reason).toMatchObject({ function: 'support', target: 0, stance: 'pro' });
		expect(reason?.reasons[0]).toEqual({ code: 'connective_reason', params: { connective: cue } });
		expect(codes(reason)).toContain('stance_pro_support');
	});

	it.each<[SuggestLanguage, string[], string]>([
		[
			'en',
			[
				'The city should build bike lanes.',
				'Cycling is cheap,',
				'since a bike costs little.',
				'Besides, bikes are quiet.'
			],
			'Besides'
		],
		[
			'de',
			[
				'Die Stadt sollte Radwege bauen.',
				'Radfahren ist billig,',
				'da ein Rad wenig kostet.',
				'Außerdem sind Räder leise.'
			],
			'Außerdem'
		]
	])(
		'an additional reason supports the central claim, not its neighbour (%s)',
		(language, units, cue) => {
			const analyses = analyseStructure(units, language);
			expect(analyses[2]).toMatchObject({ function: 'support', target: 1 });
			expect(analyses[3]).toMatchObject({ function: 'support', target: 0, stance: 'pro' });
			expect(analyses[3]?.reasons[0]).toEqual({
				code: 'connective_addition',
				params: { connective: cue }
			});
		}
	);

	it.each<[SuggestLanguage, string[], string]>([
		[
			'en',
			['Cycling is healthy.', 'For example, cyclists have fewer heart attacks.'],
			'For example'
		],
		[
			'de',
			['Radfahren ist gesund.', 'Zum Beispiel haben Radfahrer seltener Herzinfarkte.'],
			'Zum Beispiel'
		]
	])('an example supports the unit before it (%s)', (language, units, cue) => {
		const [, example] = analyseStructure(units, language);
		expect(example).toMatchObject({ function: 'support', target: 0, stance: 'pro' });
		expect(example?.reasons[0]).toEqual({
			code: 'connective_example',
			params: { connective: cue }
		});
	});

	it.each<[SuggestLanguage, string[], string]>([
		['en', ['Since the buses are full,', 'the city should build bike lanes.'], 'Since'],
		['de', ['Da die Busse voll sind,', 'sollte die Stadt Radwege bauen.'], 'Da']
	])(
		'a reason clause before its main clause supports the main clause (%s)',
		(language, units, cue) => {
			const analyses = analyseStructure(units, language);
			expect(claimOf(analyses)).toBe(1);
			expect(analyses[0]).toMatchObject({ function: 'support', target: 1 });
			expect(analyses[0]?.reasons[0]).toEqual({
				code: 'fronted_clause',
				params: { connective: cue }
			});
		}
	);

	it('a premise supports the conclusion drawn from it before the claim', () => {
		const analyses = analyseStructure(
			[
				'The city should build bike lanes.',
				'Most trips in town are short.',
				'Thus the streets are full.'
			],
			'en'
		);
		expect(analyses[1]).toMatchObject({ function: 'support', target: 2 });
		expect(analyses[1]?.reasons[0]).toEqual({
			code: 'next_concludes',
			params: { connective: 'Thus' }
		});
		expect(analyses[2]).toMatchObject({ function: 'support', target: 0 });
	});

	it('a unit without any cue supports the central claim and says so', () => {
		const analyses = analyseStructure(
			['We should plant more trees.', 'Trees cool the streets.'],
			'en'
		);
		expect(analyses[1]).toMatchObject({ function: 'support', target: 0, stance: 'pro' });
		expect(codes(analyses[1])).toEqual(['default_support', 'stance_pro_support']);
	});
});

describe('analyseStructure: attack and stance', () => {
	it.each<[SuggestLanguage, string[], string]>([
		[
			'en',
			['The city should build more bike lanes.', 'However, bike lanes take space from cars.'],
			'However'
		],
		[
			'de',
			['Die Stadt sollte mehr Radwege bauen.', 'Radwege nehmen Autos jedoch Platz weg.'],
			'jedoch'
		]
	])('a contrast after the claim is an objection against it (%s)', (language, units, cue) => {
		const [, objection] = analyseStructure(units, language);
		expect(objection).toMatchObject({ function: 'attack', target: 0, stance: 'opp' });
		expect(objection?.reasons).toEqual([
			{ code: 'contrast_objection', params: { connective: cue } },
			{ code: 'stance_opp_attack' }
		]);
	});

	it.each<[SuggestLanguage, string[], string, string]>([
		[
			'en',
			[
				'The city should build more bike lanes.',
				'Of course, bike lanes cost money,',
				'but they save far more in health costs.'
			],
			'Of course',
			'but'
		],
		[
			'de',
			[
				'Die Stadt sollte mehr Radwege bauen.',
				'Zwar kosten Radwege Geld,',
				'aber sie sparen viel mehr an Gesundheitskosten.'
			],
			'Zwar',
			'aber'
		]
	])(
		'"granted X, but Y": X attacks the claim, Y attacks X (%s)',
		(language, units, granted, answer) => {
			const [, concession, counter] = analyseStructure(units, language);
			expect(concession).toMatchObject({ function: 'attack', target: 0, stance: 'opp' });
			expect(concession?.reasons[0]).toEqual({
				code: 'concession',
				params: { connective: granted }
			});
			expect(counter).toMatchObject({ function: 'attack', target: 1, stance: 'pro' });
			expect(counter?.reasons).toEqual([
				{ code: 'counter_attack', params: { connective: answer } },
				{ code: 'stance_pro_attack' }
			]);
		}
	);

	it.each<[SuggestLanguage, string[]]>([
		[
			'en',
			[
				'The city should build more bike lanes.',
				'Critics say that the lanes are too expensive,',
				'since steel prices have risen.',
				'But the lanes pay for themselves within ten years.'
			]
		],
		[
			'de',
			[
				'Die Stadt sollte mehr Radwege bauen.',
				'Kritiker behaupten, die Radwege seien zu teuer,',
				'da die Preise für Stahl gestiegen sind.',
				'Aber die Radwege machen sich in zehn Jahren bezahlt.'
			]
		]
	])(
		'stances follow the tree: a reason for an objection is opp, its answer pro (%s)',
		(language, units) => {
			const analyses = analyseStructure(units, language);
			expect(
				analyses.map((analysis) => [analysis.function, analysis.target, analysis.stance])
			).toEqual([
				['central_claim', null, 'pro'],
				['attack', 0, 'opp'],
				['support', 1, 'opp'],
				['support', 0, 'pro']
			]);
			expect(codes(analyses[1])).toEqual(['opponent_voice', 'stance_opp_attack']);
			expect(codes(analyses[2])).toEqual(['continues_objection', 'stance_opp_support']);
			expect(codes(analyses[3])).toEqual(['outweighs_objection', 'stance_pro_support']);
		}
	);

	it('an objection the text answers is read as the other side even without a marker', () => {
		const analyses = analyseStructure(
			[
				'Bike lanes are expensive.',
				'But they pay for themselves.',
				'So the city should build them.'
			],
			'en'
		);
		expect(claimOf(analyses)).toBe(2);
		expect(analyses[0]).toMatchObject({ function: 'attack', target: 2, stance: 'opp' });
		expect(codes(analyses[0])).toContain('answered_objection');
		expect(analyses[1]).toMatchObject({ function: 'support', target: 2, stance: 'pro' });
	});

	it.each<[SuggestLanguage, string[], string]>([
		[
			'en',
			[
				'Buses would then run in the rush hour.',
				'But rested pupils learn much better.',
				'So the school should start an hour later.'
			],
			'But'
		],
		[
			'de',
			[
				'Die Busse führen dann im Berufsverkehr.',
				'Aber ausgeschlafene Schüler lernen viel besser.',
				'Deshalb sollte die Schule eine Stunde später beginnen.'
			],
			'Aber'
		]
	])(
		'"X. But Y." with X merely stated: Y outweighs X with a reason for the claim (%s)',
		(language, units, answer) => {
			const [objection, answerUnit] = analyseStructure(units, language);
			expect(objection).toMatchObject({ function: 'attack', target: 2, stance: 'opp' });
			expect(answerUnit).toMatchObject({ function: 'support', target: 2, stance: 'pro' });
			expect(answerUnit?.reasons).toEqual([
				{ code: 'outweighs_objection', params: { connective: answer } },
				{ code: 'stance_pro_support' }
			]);
		}
	);
});

describe('analyseStructure: reasons', () => {
	const samples: [SuggestLanguage, string[]][] = [
		[
			'en',
			[
				'Admittedly, the new bridge is expensive.',
				'But it cuts the way to school in half,',
				'and children need safe routes.',
				'For instance, three pupils were hurt last year.',
				'Some say that a ferry would do.',
				'Yet a ferry stops in winter.',
				'That is why the council should build the bridge.',
				'This would also help the shops.'
			]
		],
		[
			'de',
			[
				'Zugegeben, die neue Brücke ist teuer.',
				'Aber sie halbiert den Schulweg,',
				'und Kinder brauchen sichere Wege.',
				'Zum Beispiel wurden letztes Jahr drei Schüler verletzt.',
				'Manche meinen, eine Fähre reiche aus.',
				'Doch eine Fähre fährt im Winter nicht.',
				'Darum sollte der Rat die Brücke bauen.',
				'Dies würde auch den Läden helfen.'
			]
		]
	];

	it.each(samples)(
		'gives every unit a known reason, with its words where it has them (%s)',
		(language, units) => {
			const analyses = analyseStructure(units, language);
			expect(claimOf(analyses)).toBe(6);
			for (const analysis of analyses) {
				expect(analysis.reasons.length).toBeGreaterThanOrEqual(2);
				for (const reason of analysis.reasons) {
					expect(reasonCodes).toContain(reason.code);
					if (reason.params) expect(units.join(' ')).toContain(reason.params.connective);
				}
			}
		}
	);

	it.each(samples)(
		'builds a tree: every unit reaches the claim, stances agree with functions (%s)',
		(language, units) => {
			const analyses = analyseStructure(units, language);
			const claim = claimOf(analyses);
			analyses.forEach((analysis, index) => {
				let current: number | null | undefined = index;
				for (let steps = 0; current !== claim; steps++) {
					expect(steps).toBeLessThan(units.length);
					expect(current).toEqual(expect.any(Number));
					current = analyses[current ?? claim]?.target;
				}
				if (analysis.target === null) return;
				const sameSide = analysis.stance === analyses[analysis.target]?.stance;
				expect(analysis.function).toBe(sameSide ? 'support' : 'attack');
			});
		}
	);
});
