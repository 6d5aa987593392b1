// SPDX-License-Identifier: GPL-3.0-or-later
// Observatory-wide, calibration and control CSCs (names as in ts_xml). Indexed CSCs list
// the salIndex values that run at the summit.
#include "core/demo/DemoCatalogSpecs.h"

namespace sasquatch {

QByteArrayView DemoCatalogSpecs::observatory()
{
    static constexpr char kText[] = R"spec(
CSC ESS 1,101-106,111-113,201-205,301-303 Environmental sensors suite
T temperature 1 sensorName:s timestamp:d:s numChannels:i temperatureItem[16]:f:deg_C location:s
T relativeHumidity 1 sensorName:s timestamp:d:s relativeHumidityItem:f:% location:s
T dewPoint 1 sensorName:s timestamp:d:s dewPointItem:f:deg_C location:s
T pressure 1 sensorName:s timestamp:d:s numChannels:i pressureItem[8]:f:Pa location:s
T rainRate 1 sensorName:s timestamp:d:s rainRateItem:i:mm/h location:s
T airFlow 1 sensorName:s timestamp:d:s direction:f:deg directionStdDev:f:deg speed:f:m/s speedStdDev:f:m/s maxSpeed:f:m/s location:s
T airTurbulence 20 sensorName:s timestamp:d:s speed[3]:f:m/s speedStdDev[3]:f:m/s speedMagnitude:f:m/s speedMaxMagnitude:f:m/s sonicTemperature:f:deg_C sonicTemperatureStdDev:f:deg_C location:s
T accelerometer 1 sensorName:s timestamp:d:s interval:f:s accelerationX[100]:f:m/s2 accelerationY[100]:f:m/s2 accelerationZ[100]:f:m/s2 location:s
T accelerometerPSD 1 sensorName:s timestamp:d:s minPSDFrequency:f:Hz maxPSDFrequency:f:Hz numDataPoints:i accelerationPSDX[100]:f:m2/(s4~Hz) accelerationPSDY[100]:f:m2/(s4~Hz) accelerationPSDZ[100]:f:m2/(s4~Hz) location:s
T electricFieldStrength 1 sensorName:s timestamp:d:s strength:f:V/m strengthStdDev:f:V/m strengthMax:f:V/m location:s
T lightningStrikeStatus 1 sensorName:s timestamp:d:s closeStrikeRate:f:1/min totalStrikeRate:f:1/min closeAlarmStatus:i severeAlarmStatus:i heading:f:deg location:s
T spectrumAnalyzer 1 sensorName:s timestamp:d:s startFrequency:f:MHz stopFrequency:f:MHz spectrum[200]:f:dBm location:s
T solarRadiation 1 sensorName:s timestamp:d:s solarRadiation:f:W/m2 location:s
T snowDepth 1 sensorName:s timestamp:d:s snowDepth:f:cm location:s
T precipitation 1 sensorName:s timestamp:d:s precipitationRate:f:mm/h precipitationIntensity:f:mm location:s
T agcGenset150 1 sensorName:s timestamp:d:s generatorPowerOutput:f:kW mainsVoltage:f:V generatorFrequency:f:Hz engineSpeed:f:rpm coolantTemperature:f:deg_C oilPressure:f:bar fuelLevel:f:% location:s
T raingauge 1 sensorName:s timestamp:d:s rainfall:f:mm location:s
E sensorStatus sensorName:s sensorStatus:i serverStatus:i
E highElectricField strength:f:V/m threshold:f:V/m
E lightningStrike correctedDistance:f:km uncorrectedDistance:f:km bearing:f:deg
E precipitation raining:b snowing:b

CSC Scheduler 1,2,3 Scheduler (1 main telescope, 2 auxiliary telescope, 3 ocs)
T observatoryState 1 timestamp:d:s ra:d:deg declination:d:deg positionAngle:d:deg telescopeAltitude:d:deg telescopeAzimuth:d:deg telescopeRotator:d:deg domeAltitude:d:deg domeAzimuth:d:deg filterPosition:s filterMounted:s filterUnmounted:s tracking:b
E target targetId:i requestTime:d:s requestMjd:d:d ra:d:deg decl:d:deg skyAngle:d:deg filter:s numExposures:i exposureTimes[10]:d:s slewTime:d:s offsetX:d:arcsec offsetY:d:arcsec numProposals:i proposalId[5]:i blockId:s sequenceNumber:i sequenceDuration:d:s note:s
E observation targetId:i ra:d:deg decl:d:deg rotSkyPos:d:deg mjd:d:d exptime:d:s filter:s nexp:i airmass:d:unitless skyBrightness:d:mag/arcsec2 seeingFwhm500:d:arcsec cloud:d
E detailedState substate:i
E predictedSchedule numberOfTargets:i mjd[1000]:d:d ra[1000]:d:deg decl[1000]:d:deg rotSkyPos[1000]:d:deg nexp[1000]:i exptime[1000]:d:s
E timeToNextTarget waitTime:d:s ra:d:deg decl:d:deg rotSkyPos:d:deg
E obsSiteConfig observatoryName:s latitude:d:deg longitude:d:deg height:d:m
E generalInfo isNight:b night:i sunset:d:s sunrise:d:s
E blockStatus id:s statusId:i status:s executionsCompleted:i executionsTotal:i hash:s definition:s
E telescopeConfig altitudeMinpos:d:deg altitudeMaxpos:d:deg azimuthMinpos:d:deg azimuthMaxpos:d:deg
E rotatorConfig positionMin:d:deg positionMax:d:deg positionFilterChange:d:deg
E domeConfig altitudeMaxspeed:d:deg/s azimuthMaxspeed:d:deg/s settleTime:d:s
C resume
C stop abort:b
C load uri:s
C computePredictedSchedule
C addBlock id:s override:s
C getBlockStatus id:s
C validateBlock id:s override:s
C flush

CSC ScriptQueue 1,2,3 Script queue (1 main telescope, 2 auxiliary telescope, 3 ocs)
E queue enabled:b running:b currentSalIndex:i length:i salIndices[400]:i pastLength:i pastSalIndices[400]:i
E script cmdId:i scriptSalIndex:i path:s isStandard:b timestampProcessStart:d:s timeLastCheckpoint:d:s timestampConfigureStart:d:s timestampConfigureEnd:d:s timestampRunStart:d:s timestampProcessEnd:d:s processState:i scriptState:i blockId:s
E availableScripts standard:s external:s
E configSchema isStandard:b path:s configSchema:s
E nextVisit scriptSalIndex:i groupId:s coordinateSystem:i position[2]:d:deg rotationSystem:i cameraAngle:d:deg filters:s dome:i duration:d:s nimages:i survey:s totalCheckpoints:i
E nextVisitCanceled scriptSalIndex:i groupId:s
E rootDirectories standard:s external:s
C add isStandard:b path:s config:s descr:s location:i locationSalIndex:i logLevel:i pauseCheckpoint:s stopCheckpoint:s block:s
C move scriptSalIndex:i location:i locationSalIndex:i
C pause
C resume
C requeue scriptSalIndex:i location:i locationSalIndex:i
C showAvailableScripts
C showScript scriptSalIndex:i
C showQueue
C showSchema isStandard:b path:s
C stopScripts length:i scriptSalIndices[400]:i terminate:b

CSC Script 100001-100008 SAL script (one instance per queued script)
E checkpoints pause:s stop:s
E description classname:s description:s remotes:s
E metadata coordinateSystem:i position[2]:d:deg rotationSystem:i cameraAngle:d:deg filters:s dome:i duration:d:s nimages:i survey:s totalCheckpoints:i
E state state:i reason:s numCheckpoints:i lastCheckpoint:s
C configure config:s logLevel:i pauseCheckpoint:s stopCheckpoint:s
C pause
C resume
C setCheckpoints pause:s stop:s
C stop

CSC Watcher - Alarm watcher
E alarm name:s severity:i reason:s maxSeverity:i acknowledged:b acknowledgedBy:s escalated:b escalateTo:s timestampSeverityOldest:d:s timestampSeverityNewest:d:s timestampMaxSeverity:d:s timestampAcknowledged:d:s timestampAutoAcknowledge:d:s timestampAutoUnacknowledge:d:s timestampEscalate:d:s mutedSeverity:i timestampUnmute:d:s mutedBy:s
C acknowledge name:s severity:i acknowledgedBy:s
C mute name:s duration:d:s severity:i mutedBy:s
C unmute name:s
C showAlarms
C unacknowledge name:s
C makeLogEntry name:s

CSC WeatherForecast - Weather forecast (meteoblue)
T dailyTrend 1 timestamp[14]:d:s uvIndex[14]:d temperatureMax[14]:d:deg_C temperatureMin[14]:d:deg_C temperatureMean[14]:d:deg_C precipitationProbability[14]:d:% precipitation[14]:d:mm windSpeedMean[14]:d:m/s windDirection[14]:d:deg relativeHumidityMean[14]:d:% seaLevelPressureMean[14]:d:hPa predictability[14]:d:%
T hourlyTrend 1 timestamp[48]:d:s temperature[48]:d:deg_C precipitation[48]:d:mm precipitationProbability[48]:d:% relativeHumidity[48]:d:% seaLevelPressure[48]:d:hPa windSpeed[48]:d:m/s windDirection[48]:d:deg totalCloudCover[48]:d:% lowClouds[48]:d:% midClouds[48]:d:% highClouds[48]:d:% snowFraction[48]:d
E forecastUpdated timestamp:d:s

CSC DIMM 1,2 Differential image motion monitor
T status 1 status:i hrNum:i altitude:d:deg azimuth:d:deg ra:d:deg decl:d:deg
E dimmMeasurement hrNum:i timestamp:d:s secz:d:unitless fwhmx:d:arcsec fwhmy:d:arcsec fwhm:d:arcsec r0:d:cm nphot:d:count xpos:d:pixel ypos:d:pixel xcentroid:d:pixel ycentroid:d:pixel duration:d:s
C gotoAltAz altitude:d:deg azimuth:d:deg
C gotoRaDec ra:d:h decl:d:deg
C changeHr hrNum:i

CSC DSM 1,2 Dome seeing monitor
T domeSeeing 1 timestampFirstMeasurement:d:s timestampLastMeasurement:d:s rmsX:d:arcsec rmsY:d:arcsec centroidX:d:pixel centroidY:d:pixel flux:d:count maxADC:d:count fwhm:d:arcsec
E configuration uiVersion:s cameraName:s cameraFps:d:Hz dataBufferSize:i dataAcquisitionTime:d:s roiSize:i

CSC DREAM - Dutch robotic extinction and atmospheric monitor
T weather 1 temperature:d:deg_C humidity:d:% windSpeed:d:m/s windDirection:d:deg pressure:d:hPa rainRate:d:mm/h cloudiness:d:% isRaining:b
E alert alertType:s severity:i message:s
E dreamStatus status:s message:s
E weatherSafe safe:b
C pause
C resume
C setRoof open:b
C setWeatherReady ready:b

CSC EAS - Environmental awareness system
E dimmSeeing seeing:d:arcsec dimmIndex:i timestamp:d:s
E windSummary meanSpeed:d:m/s maxSpeed:d:m/s direction:d:deg
E highWind active:b
E temperatureChangeRate rate:d:deg_C/h
C setDomeFans speed:d:%

CSC Electrometer 101,102,201 Keithley electrometers (calibration photodiodes)
E intensity intensity:d:A unit:s timestamp:d:s
E measureRange rangeValue:d:A
E measureType mode:i
E digitalFilterChange activateFilter:b activateAvgFilter:b activateMedFilter:b
E integrationTime intTime:d:s
E detailedState detailedState:i
E deviceInfo deviceName:s deviceSerial:s
C startScan
C startScanDt scanDuration:d:s
C stopScan
C setMode mode:i
C setRange setRange:d:A
C setIntegrationTime intTime:d:s
C setDigitalFilter activateFilter:b activateAvgFilter:b activateMedFilter:b
C performZeroCalib

CSC FiberSpectrograph 1,2,3 Avantes fiber spectrographs (red, blue, broad)
T temperature 1 temperature:f:deg_C setpoint:f:deg_C
E deviceInfo npixels:i serialNumber:s
C expose duration:d:s numExposures:i type:s source:s
C cancelExposure

CSC GenericCamera 1,101,102,103 Generic cameras (all-sky, star trackers)
T temperature 1 temperature:d:deg_C
E cameraInfo cameraMakeAndModel:s lensDiameter:d:mm lensFocalLength:d:mm plateScale:d:arcsec/pixel
E startTakeImage
E startShutterOpen
E endShutterOpen
E startIntegration imageNumber:i
E endIntegration imageNumber:i
E startReadout imageNumber:i
E endReadout imageNumber:i
E endTakeImage
E streamingModeStarted roiTop:i roiLeft:i roiWidth:i roiHeight:i exposureTime:d:s
E streamingModeStopped
E autoExposureStarted
E autoExposureStopped
C takeImages numImages:i expTime:d:s shutter:b sensors:s keyValueMap:s obsNote:s
C setROI topPixel:i leftPixel:i width:i height:i
C setFullFrame
C startLiveView expTime:d:s
C stopLiveView
C startStreamingMode expTime:d:s
C stopStreamingMode
C startAutoExposure
C stopAutoExposure

CSC GIS - Global interlock system
E systemStatus systemStatus[29]:l
E rawStatus status:s

CSC HVAC - Heating, ventilation and air conditioning
T chiller01P01 1 setpointActivo:f:deg_C temperaturaSalaMaquinas:f:deg_C estadoFuncionamiento:i temperaturaAguaImpulsionEvaporador:f:deg_C temperaturaAguaRetornoEvaporador:f:deg_C presionBajaCto1:f:bar presionBajaCto2:f:bar potenciaTrabajo:f:%
T chiller02P01 1 setpointActivo:f:deg_C temperaturaSalaMaquinas:f:deg_C estadoFuncionamiento:i temperaturaAguaImpulsionEvaporador:f:deg_C temperaturaAguaRetornoEvaporador:f:deg_C presionBajaCto1:f:bar presionBajaCto2:f:bar potenciaTrabajo:f:%
T chiller03P01 1 setpointActivo:f:deg_C temperaturaSalaMaquinas:f:deg_C estadoFuncionamiento:i temperaturaAguaImpulsionEvaporador:f:deg_C temperaturaAguaRetornoEvaporador:f:deg_C presionBajaCto1:f:bar presionBajaCto2:f:bar potenciaTrabajo:f:%
T crack01P02 1 estadoFuncionamiento:b temperaturaAmbiente:f:deg_C humedadSala:f:% valorConsigna:f:deg_C
T crack02P02 1 estadoFuncionamiento:b temperaturaAmbiente:f:deg_C humedadSala:f:% valorConsigna:f:deg_C
T fancoil01P02 1 temperaturaSala:f:deg_C setpointCoolingDay:f:deg_C setpointHeatingDay:f:deg_C aperturaValvulaFrio:f:% aperturaValvulaCalor:f:%
T fancoil02P02 1 temperaturaSala:f:deg_C setpointCoolingDay:f:deg_C setpointHeatingDay:f:deg_C aperturaValvulaFrio:f:% aperturaValvulaCalor:f:%
T manejadoraLower01P05 1 temperaturaSala:f:deg_C temperaturaRetorno:f:deg_C valorConsigna:f:deg_C setpointVentiladorMin:f:% setpointVentiladorMax:f:% temperaturaAnticongelante:f:deg_C
T manejadoraLower02P05 1 temperaturaSala:f:deg_C temperaturaRetorno:f:deg_C valorConsigna:f:deg_C setpointVentiladorMin:f:% setpointVentiladorMax:f:% temperaturaAnticongelante:f:deg_C
T manejadoraSblancaP04 1 valorConsigna:f:deg_C temperaturaInyeccion:f:deg_C temperaturaRetorno:f:deg_C estadoPresostato:b
T vea01P01 1 estadoFuncionamiento:b falla:b
T vex03LowerP04 1 estadoFuncionamiento:b falla:b
T bombaAguaFriaP01 1 estadoFuncionamiento:b falla:b
T valvulaP01 1 estadoValvula03:b estadoValvula04:b estadoValvula05:b
T glycolSensor 1 coldWaterPressure:f:bar hotWaterPressure:f:bar glycolTemperatureSupply:f:deg_C glycolTemperatureReturn:f:deg_C
T dynaleneP05 1 dynCH01supFS01:f:l/min dynTAalarmSp:f:deg_C dynTMAalarmMonitor:b dynTMAsupPT13:f:bar dynTMAretPT14:f:bar
E deviceEnabled device:i
C enableDevice device:i
C disableDevice device:i
C configChiller device:i activeSetpoint:f:deg_C
C configAhu device:i workingSetpoint:f:deg_C minFanSetpoint:f:% maxFanSetpoint:f:%
C configFancoil device:i setpointCoolingDay:f:deg_C setpointHeatingDay:f:deg_C

CSC LEDProjector - LED projector for the calibration screen
T ledTemperature 1 temperature[12]:f:deg_C
E ledState serialNumbers:s ledBasicState:s
E adamConnected connected:b
E labJackConnected connected:b
C switchOn serialNumbers:s
C switchOff serialNumbers:s
C adjustDACPower serialNumbers:s dacValue:d:V

CSC LinearStage 101,102,103,104 Zaber linear stages
T position 10 position:d:mm
E detailedState detailedState:i
C getHome
C moveAbsolute distance:d:mm
C moveRelative distance:d:mm
C stop

CSC OCPS 1,2,3 Observatory controlled pipeline service
E job_result job_id:s exitCode:i result:s
C execute config:s

CSC PMD 1 Position measurement device (dial indicators)
T position 1 position[8]:d:mm
E metadata hubType:s location:s names:s units:s

CSC TunableLaser - Ekspla tunable laser for calibration
T temperature 1 tk6_temperature:d:deg_C tk6_temperature_2:d:deg_C ldco48_temperature:d:deg_C ldco48_temperature_2:d:deg_C m_ldco48_temperature:d:deg_C
E wavelengthChanged wavelength:d:nm
E laserInstabilityFlag reason:s
E opticalConfiguration configuration:s
E detailedState detailedState:i
C changeWavelength wavelength:d:nm
C setOpticalConfiguration configuration:s
C startPropagateLaser
C stopPropagateLaser
C setBurstMode count:i
C setContinuousMode
C triggerBurst

CSC CBP - Collimated beam projector
T status 1 azimuth:d:deg elevation:d:deg focus:d:um mask:s maskRotation:d:deg panic:b
E inPosition azimuth:b elevation:b focus:b mask:b maskRotation:b
E target azimuth:d:deg elevation:d:deg focus:d:um mask:s maskRotation:d:deg
C move azimuth:d:deg elevation:d:deg
C setFocus focus:d:um
C changeMask mask:s
C changeMaskRotation maskRotation:d:deg
C park
C unpark

CSC EPM 1,301 Electrical power management (UPS and power meters)
T xups 1 systemName:s upsIdentManufacturer:s upsBatTimeRemaining:d:s upsBatCapacity:d:% upsInputVoltage[3]:d:V upsInputCurrent[3]:d:A upsOutputVoltage[3]:d:V upsOutputCurrent[3]:d:A upsOutputWatts[3]:d:W upsEnvAmbientTemp:d:deg_C
T scheiderPm5xxx 1 systemName:s voltageAB:d:V voltageBC:d:V voltageCA:d:V currentA:d:A currentB:d:A currentC:d:A activePowerTotal:d:kW powerFactorTotal:d frequency:d:Hz
T pdu 1 systemName:s outletCurrent[8]:d:A outletVoltage[8]:d:V outletStatus[8]:i

CSC GCHeaderService 1,101,102,103 Generic camera header service
CSC CCHeaderService - ComCam header service
CSC CCOODS - ComCam observatory operations data service
E imageInOODS camera:s obsid:s raft:s sensor:s statusCode:i description:s
E imageRetractedFromOODS camera:s obsid:s raft:s sensor:s statusCode:i description:s

CSC LOVE - LSST operators visualization environment
E observingLog user:s message:s

CSC Authorize - Authorization service for CSC command permissions
C requestAuthorization cscsToChange:s authorizedUsers:s nonAuthorizedCSCs:s

CSC Test 1,2,42 SAL test component
T arrays 1 boolean0[5]:b byte0[5]:i short0[5]:i int0[5]:i long0[5]:i longLong0[5]:l unsignedShort0[5]:i unsignedInt0[5]:l float0[5]:f double0[5]:d
T scalars 1 boolean0:b byte0:i short0:i int0:i long0:i longLong0:l unsignedShort0:i unsignedInt0:l float0:f double0:d string0:s
E arrays boolean0[5]:b byte0[5]:i short0[5]:i int0[5]:i long0[5]:i longLong0[5]:l unsignedShort0[5]:i unsignedInt0[5]:l float0[5]:f double0[5]:d
E scalars boolean0:b byte0:i short0:i int0:i long0:i longLong0:l unsignedShort0:i unsignedInt0:l float0:f double0:d string0:s
C setArrays boolean0[5]:b byte0[5]:i short0[5]:i int0[5]:i long0[5]:i longLong0[5]:l unsignedShort0[5]:i unsignedInt0[5]:l float0[5]:f double0[5]:d
C setScalars boolean0:b byte0:i short0:i int0:i long0:i longLong0:l unsignedShort0:i unsignedInt0:l float0:f double0:d string0:s
C fault
C wait ack:i duration:d:s
)spec";
    return QByteArrayView(kText, sizeof(kText) - 1);
}

} // namespace sasquatch
