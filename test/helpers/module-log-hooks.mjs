import fs from 'node:fs';

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (process.env.TWOCHECK_MODULE_LOG) fs.appendFileSync(process.env.TWOCHECK_MODULE_LOG, `${result.url}\n`);
  return result;
}
