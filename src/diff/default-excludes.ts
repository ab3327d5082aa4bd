/**
 * Paths a review should not spend tokens on unless the user includes them explicitly:
 * their diffs are machine-written, huge, or unreadable. Each group's key is the skip reason.
 * Patterns follow `compileGlob` (no slash = basename at any depth).
 */
export const DEFAULT_EXCLUDES: Readonly<Record<string, readonly string[]>> = {
  'lock file': [
    'package-lock.json',
    'npm-shrinkwrap.json',
    'yarn.lock',
    'pnpm-lock.yaml',
    'bun.lockb',
    'Cargo.lock',
    'go.sum',
    'go.work.sum',
    'poetry.lock',
    'Pipfile.lock',
    'uv.lock',
    'Gemfile.lock',
    'composer.lock',
    'packages.lock.json',
    'Package.resolved',
    'gradle.lockfile',
    '*.lock',
  ],
  minified: ['*.min.js', '*.min.mjs', '*.min.css', '*.map'],
  generated: [
    '**/dist/**',
    '**/build/**',
    '**/__generated__/**',
    '*.generated.*',
    '*.pb.go',
    '*.pb.cc',
    '*.pb.h',
    '*_pb2.py',
    '*_pb2_grpc.py',
    '*_pb2.pyi',
    '*.g.dart',
    '*.freezed.dart',
    '*.snap',
  ],
  vendored: ['**/vendor/**', '**/node_modules/**', '**/third_party/**'],
  binary: [
    '*.{png,jpg,jpeg,gif,bmp,ico,webp,tif,tiff,avif,heic,psd}',
    '*.{zip,tar,gz,tgz,bz2,xz,7z,rar,jar,war,whl}',
    '*.{woff,woff2,ttf,otf,eot}',
    '*.{pdf,mp3,mp4,mov,wav,ogg,webm}',
    '*.{exe,dll,so,dylib,a,o,class,wasm,pyc}',
  ],
};
