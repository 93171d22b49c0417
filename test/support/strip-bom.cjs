// strip-bom 5 is ESM-only and jest runs CommonJS; @microsoft/app-manifest needs only this one function.
'use strict';
module.exports = function stripBom(string) {
  if (typeof string !== 'string') throw new TypeError(`Expected a string, got ${typeof string}`);
  return string.charCodeAt(0) === 0xfeff ? string.slice(1) : string;
};
module.exports.default = module.exports;
