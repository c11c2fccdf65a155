import { classIndexOf, type ValueClass } from './classify.ts';
import type { CategoryOf, MapCategory } from './map-category.ts';
import { sequentialFillsFor } from './palettes.ts';

function classKey(index: number): string {
  return `class-${index + 1}`;
}

/**
 * Legend categories for classified counts or rates, light to dark. The label is left to the
 * caller, who knows the unit and the language ("0", "1–3", "12,5–40,0 per 100.000").
 */
export function sequentialCategories(
  classes: readonly ValueClass[],
  labelOf: (valueClass: ValueClass) => string,
): MapCategory[] {
  const fills = sequentialFillsFor(classes.length);
  return classes.map((valueClass, index) => ({
    key: classKey(index),
    label: labelOf(valueClass),
    fill: fills[index]!,
  }));
}

/**
 * The category of each territory from its value; territories without a value (not reported or
 * suppressed) have none and are drawn as "no data".
 */
export function categoryOfValues(
  valuesByCode: ReadonlyMap<string, number>,
  classes: readonly ValueClass[],
): CategoryOf {
  return (istatCode) => {
    const value = valuesByCode.get(istatCode);
    return value === undefined ? null : { category: classKey(classIndexOf(classes, value)) };
  };
}
