/** The English resources must have exactly the keys of the Italian ones (checked by the compiler). */
export type Dict<T> = { [K in keyof T]: T[K] extends string ? string : Dict<T[K]> };
