/**
 * The labelled headline set of the embeddings chapter's step 7 (topic classifier): news-style headlines written by
 * hand for Gradient Lab (no third-party text; CC0 1.0, see src/chapters/embeddings/README.md). Labels are the four
 * topics of the bundled corpus, in the order of TOPICS (sport, business, science, world).
 *
 * The split is fixed and written on purpose like a small real labelled set: the training headlines use only some of
 * each topic's words, and the held-out headlines lean on topic words the training headlines never show (e.g.
 * "tennis", "oil", "telescope" … are only in held-out headlines). Word vectors trained on the unlabelled corpus have
 * seen those words; an embedding learned from the training headlines alone has not.
 */
import { TOPICS } from './corpus';

export interface Headline {
  text: string;
  /** Index into TOPICS. */
  label: number;
}

/** [sport, business, science, world] lists of training headlines. */
const TRAIN: readonly (readonly string[])[] = [
  [
    'Team wins the cup final after a late goal',
    'Coach praises young player after the match',
    'Striker scores twice as the team wins again',
    'Star player injured before the big match',
    'Champions win the match with a late goal',
    'Coach says the team can win the cup',
    'Fans cheer as player scores the winning goal',
    'Captain scores in cup victory',
    'Coach sacked after the team loses the match',
    'Goalkeeper saves a penalty to win the match',
    'Team wins fifth match in a row',
    'Player scores first goal of his career',
    'Fans angry as the team loses again',
    'New coach wants a goal in every match',
    'Player of the year scores again',
    'Cup final goal wins it for the champions',
  ],
  [
    'Market falls as bank raises rates',
    'Company shares jump after record quarter',
    'Bank buys rival company in billion deal',
    'Price of bread rises again this week',
    'Company sells factory and cuts jobs',
    'Shares fall as the market fears rates',
    'Bank says prices will rise this year',
    'Company buys small firm for cash',
    'Market rally lifts bank shares',
    'Rates rise and the market falls',
    'Company shares drop after price warning',
    'Bank sells stake in company',
    'Price war hits company shares',
    'Market closes higher as bank shares climb',
    'Company buys back its shares',
    'Bank cuts rates to help the market',
  ],
  [
    'Scientists find new species in the deep sea',
    'Research shows planet may have water',
    'Study discovers fossil of early bird',
    'Probe measures heat on the planet',
    'New study links sleep and memory',
    'Research team discovers new vaccine',
    'Scientists find ice on a distant planet',
    'Study measures how fast glaciers melt',
    'Planet found orbiting nearby star',
    'Research finds the brain repairs itself',
    'Student discovers a new kind of fossil',
    'Study shows bees can count',
    'Research on the planet mars begins',
    'New experiment measures gravity waves',
    'Scientists say vaccine study is a success',
    'Study discovers planet with two suns',
  ],
  [
    'Government signs deal with unions',
    'Minister resigns after election defeat',
    'Parliament debates new budget',
    'President calls early election',
    'Election results show close race',
    'Minister signs peace deal at summit',
    'Government faces crisis over budget',
    'Parliament debates the peace talks',
    'President meets leaders at summit',
    'Protest against the government grows',
    'Minister says election will be fair',
    'Government leaders hold crisis talks',
    'President signs deal with neighbours',
    'Parliament votes for early election',
    'Election campaign begins with protest',
    'Minister debates president on live tv',
  ],
];

/** [sport, business, science, world] lists of held-out headlines (never trained on). */
const HELD_OUT: readonly (readonly string[])[] = [
  [
    'Tennis star beats rival in three sets',
    'New stadium opens for the football season',
    'Home side beats league leaders at the stadium',
    'Football club trains at new stadium',
    'Tennis champion trains for the new season',
    'Football league season ends today',
    'Stadium full as league season starts',
    'Tennis season begins with a shock',
  ],
  [
    'Oil profit doubles as sales rise',
    'Investors worried about trade',
    'Oil company borrows to pay investors',
    'Trade deal lifts sales',
    'Investors buy oil as profit grows',
    'Sales fall and profit drops',
    'Fund invests in oil and trade',
    'Retailer borrows as sales slump',
  ],
  [
    'Telescope observes a space storm',
    'Lab tests show cells can heal',
    'Climate data shows record heat',
    'New telescope sees deep into space',
    'Lab observes cells under stress',
    'Space agency tests new rocket',
    'Climate study uses satellite data',
    'Cells from the lab tested in space',
  ],
  [
    'Army crosses the border at dawn',
    'Treaty vote rejects the law',
    'Senate approves new border law',
    'Vote on treaty delayed',
    'Court rejects voting law',
    'Army moves to the border',
    'Council approves border treaty',
    'Law on vote approved',
  ],
];

function flatten(lists: readonly (readonly string[])[]): Headline[] {
  return lists.flatMap((texts, label) => texts.map((text) => ({ text, label })));
}

export const TRAIN_HEADLINES: readonly Headline[] = flatten(TRAIN);
export const HELD_OUT_HEADLINES: readonly Headline[] = flatten(HELD_OUT);
export const HEADLINE_CLASSES = TOPICS;
