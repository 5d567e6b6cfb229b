// English function words, for telling a passage that shares a quote's *meaning* from one that
// only shares its grammar: "about the wellbeing of the children" and "the sole custodian of
// children" share half their words ("the", "of", "children") and nothing of substance.
// A fixed list rather than word frequencies from the workspace, because a workspace of two
// articles has no reliable frequencies; text in another language simply has no function words
// here and is judged on all its words. Negations are deliberately absent: "should NOT be"
// against "should be" is exactly the difference a fact-checker is looking for.
const FUNCTION_WORDS = new Set(
  (
    'a an the and or but nor so yet of in on at to for from by with without about as into onto over under up down out off ' +
    'than then that this these those there here it its it’s itself is are was were be been being am has have had having ' +
    'do does did doing i me my mine myself we us our ours you your yours he him his himself she her hers herself they them ' +
    'their theirs themselves who whom whose which what when where why how if will would shall should can could may might ' +
    'must just also very all any some each every such only own same too more most other another both either neither ' +
    "s 's t 're 've 'd 'll it's i'm we're they're you're he's she's that's there's said says say"
  )
    .split(' ')
    .map((word) => word.replace('’', "'")),
);

/** Whether a normalised token key is an English function word (or a reporting verb like "said"). */
export function isFunctionWord(key: string): boolean {
  return FUNCTION_WORDS.has(key);
}
