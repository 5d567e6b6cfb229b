-- Not searched (issue #15): the revision's search budget ran out before this annotation was
-- looked for. It keeps its last known place, like an orphan, but is never called gone; the next
-- save searches for it again (lib/domain/evidence/evidence-state.ts).

-- AlterEnum
ALTER TYPE "AnchorState" ADD VALUE 'not_searched';
