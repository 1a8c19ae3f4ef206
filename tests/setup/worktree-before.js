const { untracked } = require('./worktree-guard');

module.exports = async function worktreeBefore() {
  globalThis.__untrackedBefore = untracked();
};
