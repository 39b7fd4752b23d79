/**
 * The contract: every procedure the renderer (IPC) and the host (HTTP) can call, with its
 * input schema, output schema and the access it needs — and, as data, the rules the core
 * applies around it: which input field names its dataset(s) (`datasets`) and what it does to
 * the caller's session (`session`), so neither the dispatcher nor a shell special-cases a
 * procedure by name. Both shells and the renderer derive their types from this one map; the
 * core validates every input against it, and ids parse to their branded types.
 */
import { z } from 'zod';

import { SearchResponseSchema, SearchTypeEnum } from './search';
import {
  DatasetViewSchema,
  DataViewSchema,
  GrantViewSchema,
  GraphNodeSchema,
  GraphEdgeSchema,
  GraphOverviewSchema,
  GraphSliceSchema,
  PermissionEnum,
  ProcessingStatusEnum,
  RoleViewSchema,
  RunViewSchema,
  TenantDetailsSchema,
  TenantInvitationViewSchema,
  TenantViewSchema,
  UserViewSchema,
} from './views';
import { SettingsSchema } from './settings';
import type { IdBrand } from '../domain/ids';
import type { Permission } from '../domain/permissions';

/**
 * What a procedure needs: `public` (no session), `user` (a signed-in profile), or a dataset
 * permission checked on the dataset(s) the input names, or `tenant-owner` for tenant admin.
 */
export type Access = 'public' | 'user' | 'tenant-owner' | 'dataset-owner' | Permission;

/** Access decided by a dataset the input names: such a procedure must say which (`datasets`). */
export type DatasetAccess = 'dataset-owner' | Permission;
type PlainAccess = Exclude<Access, DatasetAccess>;

/**
 * Which input field names the dataset(s) a procedure's access is checked on. The dispatcher
 * reads this, never the procedure's name:
 * - `ids`: the field with the id (or ids); ids reach datasets shared with the caller.
 * - `names`: when no id is given, the field with the name (or names) of the caller's own
 *   datasets, `default` when the field is absent; `create` makes a missing one (Cognee's add).
 * - `whenNone: 'all-readable'`: when neither is given, every dataset the caller may read
 *   (search). Otherwise naming no dataset is denied.
 */
export type DatasetSource = Readonly<{
  ids: 'datasetId' | 'datasetIds';
  names?: Readonly<{ field: 'datasetName' | 'datasetNames'; default: string; create: boolean }>;
  whenNone?: 'all-readable';
}>;

/**
 * What a successful call does to the session it was made in; the core reports it and both
 * shells apply it (the cookie over HTTP, the window's token over IPC). `signs-in` procedures
 * return `{ token }` and end the session the call came with.
 */
export type SessionRule = 'signs-in' | 'signs-out';

type Def<I extends z.ZodType, O extends z.ZodType> = Readonly<{
  access: Access;
  input: I;
  output: O;
  summary: string;
  datasets?: DatasetSource;
  session?: SessionRule;
}>;

/** A dataset access without `datasets` (or another access with it) does not compile. */
function def<I extends z.ZodType, O extends z.ZodType>(access: PlainAccess, input: I, output: O, summary: string, rules?: Readonly<{ session: SessionRule }>): Def<I, O>;
function def<I extends z.ZodType, O extends z.ZodType>(
  access: DatasetAccess,
  input: I,
  output: O,
  summary: string,
  rules: Readonly<{ datasets: DatasetSource & Readonly<{ ids: keyof z.input<I> }> }>,
): Def<I, O>;
function def<I extends z.ZodType, O extends z.ZodType>(access: Access, input: I, output: O, summary: string, rules: Partial<Pick<Def<I, O>, 'datasets' | 'session'>> = {}): Def<I, O> {
  return { access, input, output, summary, ...rules };
}

const uuid = (field: string) => z.uuid({ message: `${field} must be a UUID` });
/** A UUID that parses to its branded id type (shared/domain/ids.ts); callers still send plain strings. */
const id = <B extends IdBrand>(_brand: B, field: string) => uuid(field).brand<B>();
const email = z.email({ message: 'email must be a valid email address' }).max(254);
const password = z.string().min(8, { message: 'password must be at least 8 characters' }).max(1024);
/** Names are labels only: never part of a path. Control characters are refused. */
const name = (field: string) =>
  z
    .string()
    .trim()
    .min(1, { message: `${field} must not be empty` })
    .max(200, { message: `${field} must be at most 200 characters` })
    // eslint-disable-next-line no-control-regex
    .regex(/^[^\u0000-\u001f\u007f]*$/, { message: `${field} must not contain control characters` });
const empty = z.object({}).strict();
const ok = z.object({ ok: z.literal(true) });

/** The dataset Cognee's add and cognify use when the input names none. */
const MAIN_DATASET = 'main_dataset';
/** The common case: the one dataset in `datasetId`. */
const BY_ID = { ids: 'datasetId' } as const;

const SignedInSchema = z.object({ user: UserViewSchema, token: z.string() });
const datasetRef = { datasetId: id('DatasetId', 'datasetId').optional(), datasetName: name('datasetName').optional() };

export const FileInputSchema = z.object({
  name: name('files[].name'),
  bytes: z.instanceof(Uint8Array, { message: 'files[].bytes must be binary data' }),
});

export const AddResultSchema = z.object({
  datasetId: z.string(),
  datasetName: z.string(),
  items: z.array(
    z.object({
      name: z.string(),
      status: z.enum(['added', 'duplicate', 'rejected']),
      dataId: z.string().optional(),
      reason: z.string().optional(),
    }),
  ),
});

export const ProgressSchema = z.object({
  runId: z.string(),
  datasetId: z.string(),
  dataId: z.string().nullable(),
  dataName: z.string().nullable(),
  stage: z.enum(['queued', 'classify', 'parse', 'chunk', 'extract', 'summarize', 'embed', 'write', 'done', 'error', 'cancelled']),
  itemsDone: z.number(),
  itemsTotal: z.number(),
  bytes: z.number(),
  message: z.string().optional(),
});

const DatasetStatusSchema = z.object({
  datasetId: z.string(),
  status: ProcessingStatusEnum,
  counts: z.object({ pending: z.number(), processing: z.number(), completed: z.number(), errored: z.number() }),
  latestRun: RunViewSchema.nullable(),
});

/** Cognee's ontology key rule: a letter or digit, then letters, digits, `_`, `.` or `-` (128 at most). */
const ontologyKey = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/, { message: 'ontology key must be 1–128 letters, digits, "_", "." or "-", starting with a letter or digit' });
const MAX_ONTOLOGY_CHARS = 10_000_000;

export const OntologyViewSchema = z.object({
  key: z.string(),
  filename: z.string(),
  sizeBytes: z.number(),
  description: z.string().nullable(),
  uploadedAt: z.string(),
});

/** A named configuration as Cognee lists it (its principal configuration record). */
export const ConfigurationViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  configuration: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** One entry of a profile's search history: its query (`user`) or a digest of the answer (`system`). */
export const SearchHistoryItemSchema = z.object({
  id: z.string(),
  role: z.enum(['user', 'system']),
  text: z.string(),
  datasetId: z.string().nullable(),
  createdAt: z.string(),
});

export const procedures = {
  // ── auth and profiles ──────────────────────────────────────────────
  'auth.status': def(
    'public',
    empty,
    z.object({
      accessControl: z.boolean(),
      requireAuthentication: z.boolean(),
      /**
       * Who uses this machine, for the profile picker; null where profiles are not listed (the
       * HTTP host, unless bound to loopback with listing allowed): the picker asks for an email.
       */
      profiles: z
        .array(
          z.object({
            id: z.string(),
            email: z.string(),
            isDefault: z.boolean(),
            /**
             * The shipped default password, on the default profile only while it is unchanged: once
             * a second profile exists the picker asks for it, and it is public anyway (Cognee's own).
             */
            passwordHint: z.string().nullable(),
          }),
        )
        .nullable(),
      user: UserViewSchema.nullable(),
      /** True when the picker may skip the password (one default profile, default password). */
      autoSignIn: z.boolean(),
    }),
    'Access-control mode, the profiles on this machine and the current profile.',
  ),
  'auth.signIn': def('public', z.object({ email, password: z.string().min(1).max(1024) }).strict(), SignedInSchema, 'Sign in with email and password.', { session: 'signs-in' }),
  'auth.autoSignIn': def('public', empty, SignedInSchema, 'Sign in the default profile on a single-profile machine.', { session: 'signs-in' }),
  'auth.register': def('public', z.object({ email, password }).strict(), UserViewSchema, 'Create a profile.'),
  'auth.signOut': def('user', empty, ok, 'End the current session.', { session: 'signs-out' }),
  'auth.me': def('user', empty, UserViewSchema, 'The current profile.'),
  'auth.changePassword': def(
    'user',
    z.object({ currentPassword: z.string().min(1).max(1024), newPassword: password }).strict(),
    ok,
    'Change the password; other sessions end.',
  ),
  'users.lookup': def('user', z.object({ email }).strict(), z.object({ id: z.string(), email: z.string() }), 'Find a profile id by email (for sharing).'),

  // ── tenants and roles ──────────────────────────────────────────────
  'tenants.mine': def('user', empty, TenantDetailsSchema.nullable(), 'The caller’s tenant with members, roles and (for its owner) pending invitations.'),
  'tenants.create': def('user', z.object({ name: name('name') }).strict(), TenantViewSchema, 'Create a tenant; the caller becomes owner and member.'),
  // Membership is by consent: the owner invites, the invited profile accepts or declines.
  'tenants.invite': def(
    'tenant-owner',
    z.object({ tenantId: id('TenantId', 'tenantId'), userId: id('UserId', 'userId') }).strict(),
    TenantInvitationViewSchema,
    'Invite a profile that belongs to no tenant; it joins only when it accepts.',
  ),
  'tenants.cancelInvitation': def('tenant-owner', z.object({ invitationId: uuid('invitationId') }).strict(), ok, 'Withdraw a pending invitation.'),
  'tenants.invitations': def('user', empty, z.array(TenantInvitationViewSchema), 'Invitations addressed to the caller.'),
  'tenants.acceptInvitation': def('user', z.object({ invitationId: uuid('invitationId') }).strict(), TenantViewSchema, 'Join the tenant that invited the caller.'),
  'tenants.declineInvitation': def('user', z.object({ invitationId: uuid('invitationId') }).strict(), ok, 'Decline an invitation.'),
  'tenants.leave': def('user', z.object({ tenantId: id('TenantId', 'tenantId') }).strict(), ok, 'Leave the caller’s tenant (strips roles and grants); its owner cannot.'),
  'tenants.removeMember': def('tenant-owner', z.object({ tenantId: id('TenantId', 'tenantId'), userId: id('UserId', 'userId') }).strict(), ok, 'Remove a member (strips roles and grants).'),
  'tenants.delete': def('tenant-owner', z.object({ tenantId: id('TenantId', 'tenantId') }).strict(), ok, 'Delete the tenant.'),
  'roles.create': def('tenant-owner', z.object({ name: name('name') }).strict(), RoleViewSchema, 'Create a role in the caller’s tenant.'),
  'roles.delete': def('tenant-owner', z.object({ roleId: id('RoleId', 'roleId') }).strict(), ok, 'Delete a role.'),
  'roles.addMember': def('tenant-owner', z.object({ roleId: id('RoleId', 'roleId'), userId: id('UserId', 'userId') }).strict(), ok, 'Assign a tenant member to a role.'),
  'roles.removeMember': def('tenant-owner', z.object({ roleId: id('RoleId', 'roleId'), userId: id('UserId', 'userId') }).strict(), ok, 'Remove a member from a role.'),

  // ── datasets and sharing ───────────────────────────────────────────
  'datasets.list': def('user', empty, z.array(DatasetViewSchema), 'Datasets the caller may read, with their permissions.'),
  'datasets.create': def('user', z.object({ name: name('name') }).strict(), DatasetViewSchema, 'Create a dataset (creator gets all four permissions).'),
  'datasets.get': def('read', z.object({ datasetId: id('DatasetId', 'datasetId') }).strict(), DatasetViewSchema, 'One dataset.', { datasets: BY_ID }),
  'datasets.rename': def('dataset-owner', z.object({ datasetId: id('DatasetId', 'datasetId'), name: name('name') }).strict(), DatasetViewSchema, 'Rename (owner only).', { datasets: BY_ID }),
  'datasets.delete': def('delete', z.object({ datasetId: id('DatasetId', 'datasetId') }).strict(), ok, 'Delete a dataset, its graph, vectors and links.', { datasets: BY_ID }),
  'datasets.data': def('read', z.object({ datasetId: id('DatasetId', 'datasetId') }).strict(), z.array(DataViewSchema), 'Data items of a dataset.', { datasets: BY_ID }),
  'datasets.status': def('read', z.object({ datasetIds: z.array(id('DatasetId', 'datasetIds[]')).min(1).max(1000) }).strict(), z.array(DatasetStatusSchema), 'Processing status.', { datasets: { ids: 'datasetIds' } }),
  'sharing.list': def('share', z.object({ datasetId: id('DatasetId', 'datasetId') }).strict(), z.array(GrantViewSchema), 'Who has access and how.', { datasets: BY_ID }),
  'sharing.grant': def(
    'share',
    z.object({ datasetId: id('DatasetId', 'datasetId'), principalId: uuid('principalId'), permissions: z.array(PermissionEnum).min(1).max(4) }).strict(),
    ok,
    'Grant permissions to a user, role or tenant.',
    { datasets: BY_ID },
  ),
  'sharing.revoke': def(
    'share',
    z.object({ datasetId: id('DatasetId', 'datasetId'), principalId: uuid('principalId'), permissions: z.array(PermissionEnum).min(1).max(4) }).strict(),
    ok,
    'Revoke permissions.',
    { datasets: BY_ID },
  ),

  // ── ingestion ──────────────────────────────────────────────────────
  'data.add': def(
    'write',
    z
      .object({
        ...datasetRef,
        files: z.array(FileInputSchema).max(10_000).default([]),
        texts: z.array(z.string().min(1, { message: 'texts[] must not be empty' }).max(50_000_000)).max(10_000).default([]),
      })
      .strict()
      .refine((v) => v.files.length + v.texts.length > 0, { message: 'nothing to add: give files or texts', path: ['files'] }),
    AddResultSchema,
    'Add files or text to a dataset (by id, or own name; created when missing).',
    { datasets: { ids: 'datasetId', names: { field: 'datasetName', default: MAIN_DATASET, create: true } } },
  ),
  'data.delete': def('delete', z.object({ datasetId: id('DatasetId', 'datasetId'), dataId: id('DataId', 'dataId') }).strict(), ok, 'Delete a data item and what only it asserted.', { datasets: BY_ID }),
  'data.text': def(
    'read',
    z.object({ datasetId: id('DatasetId', 'datasetId'), dataId: id('DataId', 'dataId') }).strict(),
    z.object({ dataId: z.string(), name: z.string(), text: z.string() }),
    'The extracted text of a data item (the document view).',
    { datasets: BY_ID },
  ),
  'cognify.run': def(
    'write',
    z
      .object({
        datasetIds: z.array(id('DatasetId', 'datasetIds[]')).max(100).optional(),
        datasetNames: z.array(name('datasetNames[]')).max(100).optional(),
        runInBackground: z.boolean().default(true),
      })
      .strict(),
    z.array(RunViewSchema),
    'Build the graph and index (incremental).',
    { datasets: { ids: 'datasetIds', names: { field: 'datasetNames', default: MAIN_DATASET, create: false } } },
  ),
  'datasets.reembed': def(
    'write',
    z.object({ datasetId: id('DatasetId', 'datasetId') }).strict(),
    z.array(RunViewSchema),
    'Rebuild the dataset’s index with its owner’s embedder as configured now (in the background).',
    { datasets: BY_ID },
  ),
  'cognify.cancel': def('write', z.object({ datasetId: id('DatasetId', 'datasetId') }).strict(), ok, 'Cancel after the current item.', { datasets: BY_ID }),
  'forget': def(
    'delete',
    z.object({ datasetId: id('DatasetId', 'datasetId'), memoryOnly: z.boolean().default(true) }).strict(),
    ok,
    'Wipe graph and vectors (memoryOnly keeps raw data) or the whole dataset.',
    { datasets: BY_ID },
  ),

  // ── search and graph ───────────────────────────────────────────────
  'search.run': def(
    'read',
    z
      .object({
        query: z.string().trim().min(1, { message: 'query must not be empty' }).max(10_000, { message: 'query must be at most 10,000 characters' }),
        searchType: SearchTypeEnum.default('CHUNKS_HYBRID'),
        datasetIds: z.array(id('DatasetId', 'datasetIds[]')).max(1000).optional(),
        topK: z.number().int().min(1).max(100).default(10),
        onlyContext: z.boolean().default(false),
        /** False for a helper search made on the way to another (it is not the caller's query). */
        record: z.boolean().default(true),
      })
      .strict(),
    SearchResponseSchema,
    'Search the named datasets, or every readable one.',
    { datasets: { ids: 'datasetIds', whenNone: 'all-readable' } },
  ),
  'graph.read': def(
    'read',
    z
      .object({
        datasetId: id('DatasetId', 'datasetId'),
        nodeLimit: z.number().int().min(1).max(50_000).default(2000),
        edgeLimit: z.number().int().min(1).max(100_000).default(6000),
        /** Pages through the stable (type, id) order when `truncated`. */
        offset: z.number().int().min(0).max(100_000_000).default(0),
        types: z.array(GraphNodeSchema.shape.type).optional(),
      })
      .strict(),
    GraphSliceSchema,
    'The dataset graph, limited, in a stable order.',
    { datasets: BY_ID },
  ),
  'graph.neighbourhood': def(
    'read',
    z
      .object({
        datasetId: id('DatasetId', 'datasetId'),
        nodeId: z.string().min(1).max(200),
        depth: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(1),
        nodeLimit: z.number().int().min(1).max(5000).default(500),
      })
      .strict(),
    GraphSliceSchema,
    'Nodes within depth 1–3 of a node.',
    { datasets: BY_ID },
  ),
  'graph.overview': def(
    'read',
    z
      .object({
        datasetId: id('DatasetId', 'datasetId'),
        /** Most important entities returned (of the dataset, or of `community`). */
        nodeLimit: z.number().int().min(1).max(5000).default(400),
        /** Relations among them, strongest first. */
        edgeLimit: z.number().int().min(0).max(50_000).default(4000),
        communityLimit: z.number().int().min(1).max(2000).default(300),
        /** One community's members instead of the whole dataset's most important entities. */
        community: z.number().int().min(0).max(10_000_000).optional(),
      })
      .strict(),
    GraphOverviewSchema,
    'Communities and the most important entities at their stored layout positions (laid out now if missing or stale).',
    { datasets: BY_ID },
  ),
  'graph.node': def(
    'read',
    z.object({ datasetId: id('DatasetId', 'datasetId'), nodeId: z.string().min(1).max(200) }).strict(),
    z.object({
      node: GraphNodeSchema,
      relations: z.array(z.object({ edge: GraphEdgeSchema, other: GraphNodeSchema })),
      sources: z.array(
        z.object({ dataId: z.string(), dataName: z.string(), chunkId: z.string(), start: z.number(), end: z.number(), text: z.string() }),
      ),
    }),
    'A node with its relations and the passages that assert it.',
    { datasets: BY_ID },
  ),
  'graph.counts': def('read', z.object({ datasetId: id('DatasetId', 'datasetId') }).strict(), z.record(z.string(), z.number()), 'Node counts per type.', { datasets: BY_ID }),
  'graph.find': def(
    'read',
    z
      .object({
        datasetId: id('DatasetId', 'datasetId'),
        query: z.string().trim().min(1).max(200),
        limit: z.number().int().min(1).max(200).default(20),
        types: z.array(GraphNodeSchema.shape.type).optional(),
      })
      .strict(),
    z.array(GraphNodeSchema),
    'Find nodes by name.',
    { datasets: BY_ID },
  ),

  // ── memory: history, runs, ontologies, raw files (Cognee's newer endpoints) ──
  'search.history': def('user', empty, z.array(SearchHistoryItemSchema), 'The caller’s own searches and a digest of each answer, oldest first.'),
  'runs.recent': def(
    'read',
    z
      .object({
        datasetIds: z.array(id('DatasetId', 'datasetIds[]')).max(1000).optional(),
        limit: z.number().int().min(1).max(500).default(50),
      })
      .strict(),
    z.array(RunViewSchema),
    'The newest pipeline runs of the named datasets, or of every readable one, newest first.',
    { datasets: { ids: 'datasetIds', whenNone: 'all-readable' } },
  ),
  'ontologies.list': def('user', empty, z.array(OntologyViewSchema), 'The ontologies the caller uploaded.'),
  'ontologies.upload': def(
    'user',
    z
      .object({
        key: ontologyKey,
        filename: name('filename').refine((f) => f.toLowerCase().endsWith('.owl'), { message: 'the ontology file must be an .owl file (OWL in RDF/XML)' }),
        content: z.string().max(MAX_ONTOLOGY_CHARS, { message: 'the ontology file must be at most 10 MB' }),
        description: z.string().max(2000).optional(),
      })
      .strict(),
    OntologyViewSchema,
    'Store an ontology under a key of the caller’s choosing (refused when the key is taken).',
  ),
  'ontologies.delete': def('user', z.object({ key: ontologyKey }).strict(), ok, 'Delete one of the caller’s ontologies.'),
  'configurations.list': def('user', empty, z.array(ConfigurationViewSchema), 'The named configurations the caller stored.'),
  'configurations.store': def(
    'user',
    z.object({ name: name('name'), configuration: z.record(z.string(), z.unknown()) }).strict().refine((v) => JSON.stringify(v.configuration).length <= 1_000_000, { message: 'the configuration must be at most 1 MB of JSON', path: ['configuration'] }),
    ok,
    'Store a named configuration (replaces the caller’s one of that name).',
  ),
  'data.raw': def(
    'read',
    z.object({ datasetId: id('DatasetId', 'datasetId'), dataId: id('DataId', 'dataId') }).strict(),
    z.object({ dataId: z.string(), name: z.string(), extension: z.string(), mimeType: z.string(), bytes: z.instanceof(Uint8Array) }),
    'The stored original file of a data item.',
    { datasets: BY_ID },
  ),

  // ── settings ───────────────────────────────────────────────────────
  'settings.get': def('user', empty, z.object({ settings: SettingsSchema, dataHome: z.string() }), 'The profile’s provider settings.'),
  'settings.set': def(
    'user',
    z
      .object({ settings: SettingsSchema })
      .strict()
      // Checked on save, not in SettingsSchema: settings stored before this rule must still load.
      .refine((x) => !x.settings.llm.enabled || x.settings.llm.model.trim() !== '', {
        message: 'Name the language model to use (for example llama3.1), or turn the language model off',
        path: ['settings', 'llm', 'model'],
      }),
    ok,
    'Save the profile’s provider settings.',
  ),
} as const;

export type Procedures = typeof procedures;
export type ProcedureName = keyof Procedures;
export type Input<N extends ProcedureName> = z.input<Procedures[N]['input']>;
export type ParsedInput<N extends ProcedureName> = z.output<Procedures[N]['input']>;
export type Output<N extends ProcedureName> = z.output<Procedures[N]['output']>;

export const PROCEDURE_NAMES = Object.keys(procedures) as ProcedureName[];

export function isProcedureName(s: unknown): s is ProcedureName {
  return typeof s === 'string' && Object.prototype.hasOwnProperty.call(procedures, s);
}
