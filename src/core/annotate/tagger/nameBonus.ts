/**
 * A score added to every name the organization tagger reads, per kind of text (in units of the
 * model's 8-bit weights): the averaged perceptron finds fewer names than the corpora label (on the
 * held-out tenth of the training splits its precision is well above its recall), and a bonus
 * per name moves it along that trade-off without favouring long names over short ones. It is
 * added to the transitions into a name's first tag, so tagging costs the same. News and résumés:
 * 0 (on the held-out tenth, a model trained with --holdout 0.1, bonuses of 15 to 60 moved F1 by
 * less than 0.3); social media: 60, by five-fold cross-validation on Weibo's training split
 * (train-org-tagger --cv weibo:5 --cv-bonus; F1 41.9 → 43.6). docs/annotate-data.md; a model
 * trained anew is measured again.
 */
import { B, S, TAG_COUNT, type TextKind } from './features';

const nameBonus: Record<TextKind, number> = { news: 0, resume: 0, social: 60 };

export const nameBonusOf = (kind: TextKind): number => nameBonus[kind];

/** For the evaluation script (through orgTagger.ts useNameBonus): another bonus for `kind`. */
export function setNameBonus(kind: TextKind, bonus: number): void {
  nameBonus[kind] = bonus;
}

/** `transition` ((T + 1) × T, features.ts tags) with `bonus` added to every way into a name's first tag (B, S), from any tag and from the start. */
export function withNameBonus(transition: Float32Array, bonus: number): Float32Array {
  if (bonus) for (let from = 0; from <= TAG_COUNT; from++) for (const to of [B, S]) transition[from * TAG_COUNT + to] += bonus;
  return transition;
}
