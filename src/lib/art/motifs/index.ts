/**
 * Every motif's artwork, by slug. An explicit list (rather than a Vite glob) so that plain Node
 * scripts such as the seed can import it too. A test checks it matches content/motifs/.
 */
import type { MotifArt } from '../types.ts';
import anginGending from './angin-gending.ts';
import buketan from './buketan.ts';
import durian from './durian.ts';
import gajah from './gajah.ts';
import jawaHokokai from './jawa-hokokai.ts';
import jlamprang from './jlamprang.ts';
import kapal from './kapal.ts';
import kopi from './kopi.ts';
import kujur from './kujur.ts';
import liong from './liong.ts';
import manggur from './manggur.ts';
import megaMendung from './mega-mendung.ts';
import meraje from './meraje.ts';
import nanas from './nanas.ts';
import padi from './padi.ts';
import paksiNagaLiman from './paksi-naga-liman.ts';
import seinggokNanas from './seinggok-nanas.ts';
import siger from './siger.ts';
import tengkiang from './tengkiang.ts';
import terataiPutih from './teratai-putih.ts';
import tujuhRupa from './tujuh-rupa.ts';
import wadasan from './wadasan.ts';

export const MOTIF_ART: Readonly<Record<string, MotifArt>> = {
  'angin-gending': anginGending,
  'buketan': buketan,
  'durian': durian,
  'gajah': gajah,
  'jawa-hokokai': jawaHokokai,
  'jlamprang': jlamprang,
  'kapal': kapal,
  'kopi': kopi,
  'kujur': kujur,
  'liong': liong,
  'manggur': manggur,
  'mega-mendung': megaMendung,
  'meraje': meraje,
  'nanas': nanas,
  'padi': padi,
  'paksi-naga-liman': paksiNagaLiman,
  'seinggok-nanas': seinggokNanas,
  'siger': siger,
  'tengkiang': tengkiang,
  'teratai-putih': terataiPutih,
  'tujuh-rupa': tujuhRupa,
  'wadasan': wadasan,
};
