/** `counted(1, 'child', 'children')` is "1 child", `counted(3, 'session')` is "3 sessions": messages say what they count. */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
