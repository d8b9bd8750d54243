import {
  describeIssues,
  err,
  isMethodName,
  issuesFromZod,
  methods,
  type MethodName,
  type MethodOutput,
  type MethodParsedInput,
  type Result,
} from '../../contract';
import type { Logger } from '../log';

export interface CallContext {
  readonly transport: 'web' | 'electron' | 'test';
}

export type Handler<M extends MethodName> = (
  input: MethodParsedInput<M>,
  ctx: CallContext,
) => Promise<Result<MethodOutput<M>>> | Result<MethodOutput<M>>;

export type HandlerTable = { readonly [M in MethodName]: Handler<M> };

export interface DispatchOptions {
  readonly mode: 'demo' | 'production';
  readonly logger: Logger;
  /**
   * Checks (and refreshes) a maintenance token for methods marked
   * `requires: 'maintenance'`. Absent: those methods are refused (fail closed).
   */
  readonly authorizeMaintenance?: (token: string, method: MethodName) => Result<true>;
}

/**
 * The one place a call from any transport is checked and run. Both the web
 * shell and Electron's ipcMain call this with the raw name and payload.
 */
export async function dispatch(
  handlers: HandlerTable,
  name: string,
  rawInput: unknown,
  ctx: CallContext,
  options: DispatchOptions,
): Promise<Result<unknown>> {
  if (!isMethodName(name)) {
    return err('unknown-method', `unknown method '${name}'`);
  }
  const spec = methods[name];
  if ('devOnly' in spec && spec.devOnly && options.mode !== 'demo') {
    return err('forbidden', `'${name}' is available in demo mode only`);
  }
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error);
    return err('invalid-input', `invalid input for '${name}': ${describeIssues(issues)}`, { issues });
  }
  if ('requires' in spec && spec.requires === 'maintenance') {
    const token = (parsed.data as { token?: unknown }).token;
    const allowed = typeof token === 'string' && options.authorizeMaintenance
      ? options.authorizeMaintenance(token, name)
      : err('unauthorized', 'maintenance mode is required');
    if (!allowed.ok) return allowed;
  }
  const handler = handlers[name] as unknown as Handler<MethodName>;
  let result: Result<unknown>;
  try {
    result = await handler(parsed.data as never, ctx);
  } catch (e) {
    options.logger.error({ method: name, err: e }, 'handler threw');
    return err('internal', 'the kiosk hit an unexpected problem; please try again', { detail: `${name}: ${(e as Error).message}` });
  }
  if (!result.ok) return result;
  const out = spec.output.safeParse(result.value);
  if (!out.success) {
    const issues = issuesFromZod(out.error);
    options.logger.error({ method: name, issues }, 'handler output broke its schema');
    return err('internal', 'the kiosk hit an unexpected problem; please try again', { detail: `${name}: bad output` });
  }
  return { ok: true, value: out.data };
}
