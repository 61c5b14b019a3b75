import * as assert from 'node:assert';
import { modality } from '../../../server/src/engine/signals/modality';
import { run, text } from './helpers';

describe('signals/modality', () => {
  it('a hedge the draft says too, before its settled word, is kept: "had considered a buyout but decided not to"', () => {
    const ev = 'The paper says the board also considered a management buyout at 300p but did not go ahead with it.';
    assert.deepStrictEqual(run(modality, 'The paper said the board had also considered a management buyout at 300p but decided not to go ahead.', ev), []);
    assert.strictEqual(run(modality, 'The paper said the board had decided on a management buyout at 300p.', ev).length, 1);
  });
  it('"is to contest the seat" / "will contest" against "amid speculation he has his eye on the seat"', () => {
    const ev = "The announcement comes amid speculation he has his eye on the Home Secretary Ann Dale's Northfield seat.";
    const claim = "Mr Orme is to contest Home Secretary Ann Dale's Northfield seat at the election.";
    const f = run(modality, claim, ev);
    assert.strictEqual(f.length, 1, JSON.stringify(f));
    assert.strictEqual(text(claim, f[0].claimSpan), 'is to contest');
    assert.match(f[0].message, /'is to contest' as certain, the source says 'speculation'/);
    assert.strictEqual(run(modality, "Mr Orme will contest Home Secretary Ann Dale's Northfield seat at the election.", ev).length, 1);
    // an aim is no fixed plan; a source without the hedge is no clash
    assert.deepStrictEqual(run(modality, "The aim is to win Home Secretary Ann Dale's Northfield seat at the election.", ev), []);
    assert.deepStrictEqual(run(modality, claim, "He has his eye on the Home Secretary Ann Dale's Northfield seat."), []);
  });
  it('"will become law" against "no guarantee that it will become law"; "said it would" is fine', () => {
    const claim = 'Once the senate has voted, the bill will go back to the assembly and become law.';
    const ev = 'If the senate votes for it the bill will go back to the assembly, but there is no guarantee that the bill will become law.';
    const f = run(modality, claim, ev);
    assert.strictEqual(f.length, 1, JSON.stringify(f));
    assert.strictEqual(text(claim, f[0].claimSpan), 'become');
    assert.strictEqual(text(ev, f[0].evidenceSpan), 'no guarantee');
    assert.deepStrictEqual(run(modality, 'The minister will open the bridge in May.', 'The minister said she would open the bridge in May.'), []);
    assert.deepStrictEqual(
      run(modality, 'The union will investigate the coach, who may have to apologise.', 'The union will investigate the coach, who may have to apologise.'),
      [],
    );
  });

  it('a plain "will" right before the verb the source hedges: "will hurt" against "could hurt"', () => {
    const claim = 'The new levy will hurt small bakeries across the county.';
    const f = run(modality, claim, 'The new levy, traders fear, could hurt small bakeries across the county.');
    assert.strictEqual(f.length, 1, JSON.stringify(f));
    assert.strictEqual(f[0].message, "modality: the draft says 'will hurt' as certain, the source says 'could'");
    assert.strictEqual(text(claim, f[0].claimSpan), 'hurt');
    assert.strictEqual(run(modality, 'The inquiry will report in two months.', 'The inquiry is expected to report in two months.').length, 1);
    // the source states it too
    assert.deepStrictEqual(run(modality, claim, 'The new levy will hurt small bakeries across the county, traders say.'), []);
  });
  it('what the source reports as alleged, stated as fact: "who dodged" against "for allegedly dodging"', () => {
    const claim = 'The two riders, who dodged the test and then staged a crash, still face a hearing.';
    const f = run(modality, claim, 'The two riders still face a hearing for allegedly dodging the test and then staging a crash.');
    assert.strictEqual(f.length, 1, JSON.stringify(f));
    assert.strictEqual(f[0].message, "modality: the draft states 'dodged' as fact, the source says 'allegedly dodging'");
    // the draft keeps it an allegation
    assert.deepStrictEqual(
      run(modality, 'The two riders are accused of dodging the test.', 'The two riders face a hearing for allegedly dodging the test.'),
      [],
    );
  });
  it('the draft\'s own "allegedly" keeps the phrase an allegation in another word order', () => {
    const claim = 'Last May the firm sued a former supplier who allegedly posted plans, photos, wiring diagrams and trade prices of its new gas boiler online.';
    const ev = 'Last May the firm sued a former supplier who allegedly posted online plans, photos, wiring diagrams and trade prices of the new gas boiler.';
    assert.deepStrictEqual(run(modality, claim, ev), []);
  });
  it('a hedge that describes a noun ("the draft bill") or that the draft says too hedges no verb after it', () => {
    const claim = 'Once ministers have agreed the draft, it will return to the assembly for a vote.';
    const ev = 'If ministers agree on the draft bill it will then return to the assembly for a vote, but there is no guarantee that it will pass.';
    const f = run(modality, claim, ev);
    assert.deepStrictEqual(
      f.map((x) => x.message),
      [],
    );
  });
  it('"it has emerged that" against "auditors claim that": a claim stated as established', () => {
    const claim = 'It has since emerged that the council hid the losses from its auditors.';
    const f = run(modality, claim, 'Campaigners claim that the council hid the losses from its auditors.');
    assert.strictEqual(f.length, 1, JSON.stringify(f));
    assert.strictEqual(text(claim, f[0].claimSpan), 'emerged');
    assert.deepStrictEqual(run(modality, claim, 'Auditors found that the council hid the losses from its auditors.'), []);
  });
  it('a capitalised month or name is no hedge: "agreed last May" hedges nothing', () => {
    // "May" stands within the hedge window before "review", nearer than the "would" of an intention
    assert.deepStrictEqual(
      run(
        modality,
        'The council will adopt the plan agreed in May, although it will review its costs.',
        'The council will adopt the plan that was agreed last May but said it would review its costs.',
      ),
      [],
    );
    assert.deepStrictEqual(run(modality, 'The band will play at Hope Street.', 'The band will play at Hope Street on Friday.'), []);
  });
  it('an allegation stated as established: "have established that" against "allege that"', () => {
    const claim = 'Investigators have established that the two directors moved the funds offshore.';
    const ev = 'Investigators allege that the two directors moved the funds offshore.';
    const f = run(modality, claim, ev);
    assert.strictEqual(f.length, 1);
    assert.strictEqual(text(claim, f[0].claimSpan), 'established');
    assert.strictEqual(text(ev, f[0].evidenceSpan), 'allege');
  });
  it('a recommendation stated as binding: "obliges" against "should"', () => {
    const claim = 'The ruling obliges the council to reopen the library.';
    const ev = 'The judge said the council should reopen the library.';
    const f = run(modality, claim, ev);
    assert.strictEqual(f.length, 1);
    assert.strictEqual(text(ev, f[0].evidenceSpan), 'should');
  });
  it('a name is no certainty word ("the Politics Show that"), and a draft that hedges with "once" is fine', () => {
    assert.deepStrictEqual(
      run(modality, 'She told the Politics Show that the plan was alleged to be costly.', 'She told the Politics Show the plan was alleged to be costly.'),
      [],
    );
    assert.deepStrictEqual(
      run(modality, 'Once the board has approved the budget, the plan goes ahead.', 'If the board approves the budget the plan goes ahead.'),
      [],
    );
  });

  it('exploratory talks against a signed binding agreement', () => {
    const claim = 'The two countries signed a binding agreement after the conversations.';
    const ev = 'The conversations are described as exploratory in nature.';
    const f = run(modality, claim, ev);
    assert.strictEqual(f.length, 1);
    assert.strictEqual(f[0].effect, 'contradicts');
    assert.strictEqual(text(claim, f[0].claimSpan), 'signed a binding agreement');
    assert.strictEqual(text(ev, f[0].evidenceSpan), 'exploratory');
    assert.match(f[0].message, /the source says 'exploratory'/);
  });
  it('under discussion against finalized', () => {
    const claim = 'The details of specific cooperation initiatives have been finalized.';
    const ev = 'Officials stressed that the details of specific cooperation initiatives remain under discussion.';
    const f = run(modality, claim, ev);
    assert.strictEqual(f.length, 1);
    assert.strictEqual(text(claim, f[0].claimSpan), 'finalized');
    assert.strictEqual(text(ev, f[0].evidenceSpan), 'under discussion');
  });
  it('the reverse is fine: a hedged draft over a certain source', () => {
    assert.deepStrictEqual(run(modality, 'The two countries could sign an agreement.', 'The two countries signed an agreement in March.'), []);
  });
  it('both certain: no finding', () => {
    assert.deepStrictEqual(run(modality, 'The two countries signed an agreement.', 'The two countries signed an agreement, officials could confirm.'), []);
  });
  it('a conditional in the source ("if they reach a tangible agreement") does not carry "reached an agreement"', () => {
    const claim = 'The proposed joint production initiatives reached a tangible agreement.';
    const ev = 'The proposed joint production initiatives, if they reach a tangible agreement, could signal a new phase.';
    assert.deepStrictEqual(run(modality, claim, ev), []); // "reached" is no certainty cue by itself
    const f = run(modality, 'The joint production initiatives were approved.', ev);
    assert.strictEqual(f.length, 1);
    assert.strictEqual(text('The joint production initiatives were approved.', f[0].claimSpan), 'approved');
  });
});

describe('modality: the hedge must stand by the settled words', () => {
  it('a hedge beside another part of the claim is about another event', () => {
    const claim = 'The appeal judges decided that the parking fine was fair to every motorist in the borough of Tarrow.';
    const evidence = 'The appeal judges ruled that the parking fine was fair. Every motorist in the borough of Tarrow would face such a fine.';
    assert.deepStrictEqual(
      run(modality, claim, evidence).filter((f) => f.effect === 'contradicts'),
      [],
    );
  });
  it('a hedge by the settled words still clashes', () => {
    const claim = 'The two ports signed a binding agreement to share the new dredger.';
    const evidence = 'The two ports are in exploratory talks that could lead to an agreement to share the new dredger.';
    assert.ok(run(modality, claim, evidence).some((f) => f.effect === 'contradicts'));
  });
});

describe('modality: what the source also says will happen', () => {
  it('"it will sue for damages" against "it will be seeking damages": both say will', () => {
    assert.deepStrictEqual(
      run(modality, 'The firm has said it will sue the buyers for $3m in damages.', 'The firm has said it will be seeking damages of $3m.'),
      [],
    );
  });
  it('"a sign that" is a noun, nothing settled; "signed" still is', () => {
    const evidence =
      "The Tarrow Bank (TB) is planning to name a preferred buyer by the end of the year, newspaper reports claim. The Herald said the bank's plan was further evidence it wants to retain firm control over its future.";
    const claim =
      'According to the Herald, the bank plans to name a preferred buyer by the end of the year, a sign that it wants to keep firm control over its future.';
    assert.deepStrictEqual(run(modality, claim, evidence), []);
    assert.strictEqual(run(modality, 'The board has signed a deal with a buyer.', 'The board is planning to sign a deal with a buyer.').length, 1);
  });
});

describe('modality: planned or reported, stated as done', () => {
  it('"The union has appealed" against "the union was planning to appeal"', () => {
    const claim = 'The union has appealed against the ruling, arguing that the drivers were employees.';
    const ev = 'Ms Ward said the union was planning to appeal against the ruling because the drivers were employees.';
    const f = run(modality, claim, ev);
    assert.strictEqual(f.length, 1, JSON.stringify(f));
    assert.strictEqual(text(claim, f[0].claimSpan), 'appealed');
    assert.strictEqual(text(ev, f[0].evidenceSpan), 'planning to appeal');
  });
  it('"Tarrow Gas failed to raise funds" against "is thought to have failed to raise funds"', () => {
    const f = run(
      modality,
      'Tarrow Gas failed to raise funds for the deal after a court order.',
      'Tarrow Gas is thought to have failed to raise funds for the deal after a court order.',
    );
    assert.strictEqual(f.length, 1, JSON.stringify(f));
  });
  it('"got to meet them" against "was hoping to meet them"', () => {
    const f = run(
      modality,
      'The young actor, 15, got to meet Okafor and Lund at the party.',
      'The 15-year-old said she was hoping to meet Okafor and Lund at the party.',
    );
    assert.strictEqual(f.length, 1, JSON.stringify(f));
    assert.strictEqual(text('The young actor, 15, got to meet Okafor and Lund at the party.', f[0].claimSpan), 'got to meet');
  });
  it('a noun "plans to offer", the present "offers", and the draft\'s own hedge are no deed stated', () => {
    assert.deepStrictEqual(
      run(modality, 'The agent offers exclusive insurance plans to a new client.', 'We have exclusive insurance plans to offer a new client.'),
      [],
    );
    assert.deepStrictEqual(
      run(modality, 'The union is expected to have appealed against the ruling.', 'The union was planning to appeal against the ruling.'),
      [],
    );
  });
});

describe('modality: a wish stated as a plan', () => {
  it('"will train with" against "wants to train with"; "I wanted to introduce" hedges nothing', () => {
    const f = run(
      modality,
      'Lund will train with the youth side while he serves his ban.',
      'Lund wants to train with the youth side whilst serving his ban, the club says.',
    );
    assert.strictEqual(f.length, 1, JSON.stringify(f));
    assert.deepStrictEqual(
      run(modality, 'The firm has launched a new product line called Nimbus.', 'I wanted to introduce our new product line called Nimbus, launched this week.'),
      [],
    );
  });
});

describe('modality: a wish over its object', () => {
  it('"will play more on clay" against "wants Lind and the rest of his squad to play more on clay"', () => {
    const claim = 'Coach Sam Okoro said his players will now play more of their matches on clay.';
    const ev = 'Coach Sam Okoro wants Lind and the rest of his squad to play more matches on clay next year.';
    const f = run(modality, claim, ev);
    assert.strictEqual(f.length, 1, JSON.stringify(f));
    assert.match(f[0].message, /the source says 'wants'/);
  });
});

describe('modality: which hedge is about the settled words', () => {
  it('a name near the hedge does not place it: "agreed to open its books" / "Okafor ... which could lead to a bid"', () => {
    const claim = 'The Harland board has agreed to let Ray Okafor examine the accounts.';
    const ev = 'Ray Okafor has made a fresh approach, which could lead to a bid for Harland.';
    assert.deepStrictEqual(run(modality, claim, ev), []);
  });
  it('"received a detailed proposal" hedges no verb; "a proposal for the merger" does', () => {
    const claim = 'The board decided not to close the depot.';
    assert.deepStrictEqual(run(modality, claim, 'The board decided not to close the depot after it received a detailed proposal.'), []);
    assert.strictEqual(run(modality, 'The council has approved the merger.', 'The council will vote on a proposal for the merger.').length, 1);
  });
});

describe('modality: a reported "would"', () => {
  it('"said the row would undermine the campaign" against "a concern that this could undermine the campaign"', () => {
    const claim = 'Correspondent Ann Roe said the row would undermine the party campaign.';
    const ev = 'Correspondent Ann Roe said: "There is a real concern that this could undermine the party campaign."';
    const f = run(modality, claim, ev);
    assert.strictEqual(f.length, 1, JSON.stringify(f));
    assert.match(f[0].message, /the source says 'could'/);
    // "would have" is what might have been, and a "would" the source says too is carried
    assert.deepStrictEqual(run(modality, 'Ann Roe said the row would have undermined the campaign.', ev), []);
    assert.deepStrictEqual(run(modality, claim, 'Correspondent Ann Roe said the row would undermine the party campaign.'), []);
  });
});
