// The suite writes only under the OS temp folder: a file it leaves in the working tree fails the run (issue 10).
// globalSetup records the untracked files before the run; globalTeardown compares. Outside a git checkout it does nothing.
const { execFileSync } = require('child_process');

function untracked() {
  try {
    const out = execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], {
      cwd: __dirname,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return new Set(
      out
        .split('\n')
        .filter((l) => l.startsWith('?? '))
        .map((l) => l.slice(3)),
    );
  } catch {
    return null;
  }
}

module.exports = { untracked };
