-- Tavla server schema, version 1.
-- Every table that holds workplace data has workplace_id first in its key,
-- and every query filters on it: no read or write crosses workplaces.

-- Supervisor accounts (email + scrypt password hash).
create table accounts (
  id uuid primary key,
  email text not null,
  password_hash text not null,
  created_at timestamptz not null
);
create unique index accounts_email_key on accounts (lower(email));

-- Supervisor login sessions. Only the SHA-256 of the bearer token is stored.
create table sessions (
  token_hash text primary key,
  account_id uuid not null references accounts (id) on delete cascade,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  last_seen timestamptz
);
create index sessions_account_idx on sessions (account_id);

-- Which account owns a workplace. The workplace's own settings (name, PIN,
-- opening hours) are a synced row in `records` like everything else; this
-- table only says who may administer it. The id may have been generated
-- offline on a tablet long before the workplace was registered here.
create table workplaces (
  id uuid primary key,
  owner_account_id uuid not null references accounts (id) on delete cascade,
  name text not null,
  created_at timestamptz not null
);
create index workplaces_owner_idx on workplaces (owner_account_id);

-- The pull cursor: advanced with UPDATE ... RETURNING inside each push
-- transaction, so the row lock serialises the writers of one workplace and
-- sequence numbers commit in order (a plain sequence could skip a row that
-- commits later than a higher number).
create table workplace_counters (
  workplace_id uuid primary key references workplaces (id) on delete cascade,
  seq bigint not null default 0
);

-- Paired tablets. Only the SHA-256 of the token is stored; revoked_at set = revoked.
create table device_tokens (
  id uuid primary key,
  token_hash text not null unique,
  workplace_id uuid not null references workplaces (id) on delete cascade,
  name text not null,
  created_at timestamptz not null,
  last_seen timestamptz,
  revoked_at timestamptz
);
create index device_tokens_workplace_idx on device_tokens (workplace_id);

-- Short-lived, single-use pairing codes; only the SHA-256 of the code is stored.
create table pairing_codes (
  code_hash text primary key,
  workplace_id uuid not null references workplaces (id) on delete cascade,
  created_by uuid not null references accounts (id) on delete cascade,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz,
  device_id uuid
);

-- Every synced row of every table, as merged on the server.
create table records (
  workplace_id uuid not null references workplaces (id) on delete cascade,
  tbl text not null,
  id text not null,
  data jsonb not null,
  clock jsonb not null,
  deleted boolean not null default false,
  seq bigint not null,
  primary key (workplace_id, tbl, id)
);
create index records_seq_idx on records (workplace_id, seq);

-- Op ids already applied, so a retried push changes nothing. Keyed by
-- workplace too: an op id seen in one workplace says nothing about another.
create table applied_ops (
  workplace_id uuid not null references workplaces (id) on delete cascade,
  op_id text not null,
  applied_at timestamptz not null,
  primary key (workplace_id, op_id)
);

-- Content-addressed photos, pictograms and voice clips, per workplace.
create table blobs (
  workplace_id uuid not null references workplaces (id) on delete cascade,
  hash text not null,
  type text not null,
  size integer not null,
  data bytea not null,
  created_at timestamptz not null,
  primary key (workplace_id, hash)
);
