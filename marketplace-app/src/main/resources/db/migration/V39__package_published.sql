-- Whether a released (or since superseded) version names the package, set by PackageReferences with the release, so
-- a lookup by digest (every upload, check and download) reads the package's own row. It asked package_reference
-- before: for bytes that thousands of versions share, mostly unreleased, that read thousands of rows whatever the
-- indexes, as the planner expects a released one among the first. Once set it stays set, as does the reference's.
alter table package add column published boolean default false not null;

update package set published = true where digest in (select digest from package_reference where released);
