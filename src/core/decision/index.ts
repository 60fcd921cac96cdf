/** Whether a repair makes a text more itself: the shared decision of the mojibake detectors. */
export { weighRepair, scriptHereLogPrior, CHANNEL_LOG_PRIOR, DOUBLE_BYTE_LOG_PRIOR, NEIGHBOURHOOD, type RepairHypothesis, type RepairWeight } from './weighRepair';
export { getTextLikelihood, TextLikelihood } from './textLikelihood';
export { getBackgroundModel, foldBackground, type BackgroundModel } from './backgroundModel';
export { readsInOtherLanguage, otherLanguageReadingIsText, restoresIntoNonText } from './otherLanguages';
export { withoutDeliberateGarbling, showsWindows1252, FOLDED_SPACE_STEP, C1_CONTROL_STEP } from './deliberateGarbling';
