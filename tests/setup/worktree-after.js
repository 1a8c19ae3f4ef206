const { untracked } = require('./worktree-guard');

module.exports = async function worktreeAfter() {
  const before = globalThis.__untrackedBefore;
  const after = untracked();
  if (!before || !after) return;
  const left = [...after].filter((f) => !before.has(f));
  if (left.length)
    throw new Error(
      `the test run left files in the working tree (tests must write under the OS temp folder):\n  ${left.slice(0, 20).join('\n  ')}`,
    );
};
