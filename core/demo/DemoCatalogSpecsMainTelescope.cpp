// SPDX-License-Identifier: GPL-3.0-or-later
// Main telescope optics and motion CSCs. Names follow ts_xml; field lists are abridged where
// the real topic is long but keep the real array sizes (156 force actuators, 112 secondary
// cylinders, 6 hardpoints, 72 M2 axial and 6 tangent actuators, 96 thermal ILCs).
#include "core/demo/DemoCatalogSpecs.h"

namespace sasquatch {

QByteArrayView DemoCatalogSpecs::mainTelescope()
{
    static constexpr char kText[] = R"spec(
CSC MTM1M3 - Main telescope M1M3 mirror support system
T forceActuatorData 50 timestamp:d:s primaryCylinderForce[156]:f:N secondaryCylinderForce[112]:f:N primaryCylinderFollowingError[156]:f:N secondaryCylinderFollowingError[112]:f:N xForce[12]:f:N yForce[100]:f:N zForce[156]:f:N fx:f:N fy:f:N fz:f:N mx:f:N~m my:f:N~m mz:f:N~m forceMagnitude:f:N
T inclinometerData 50 timestamp:d:s inclinometerAngle:f:deg
T outerLoopData 50 timestamp:d:s broadcastCounter:i slewFlag:b executionTime:d:s
T accelerometerData 50 timestamp:d:s rawAccelerometer[8]:f:V accelerometer[8]:f:m/s2 angularAccelerationX:f:deg/s2 angularAccelerationY:f:deg/s2 angularAccelerationZ:f:deg/s2
T hardpointActuatorData 50 timestamp:d:s stepsQueued[6]:l stepsCommanded[6]:i measuredForce[6]:f:N encoder[6]:l displacement[6]:f:m fx:f:N fy:f:N fz:f:N mx:f:N~m my:f:N~m mz:f:N~m forceMagnitude:f:N xPosition:f:m yPosition:f:m zPosition:f:m xRotation:f:deg yRotation:f:deg zRotation:f:deg
T imsData 50 timestamp:d:s rawSensorData[8]:f xPosition:f:m yPosition:f:m zPosition:f:m xRotation:f:deg yRotation:f:deg zRotation:f:deg
T forceActuatorPressure 1 timestamps[156]:d:s primaryCylinderPushPressures[156]:f:kPa primaryCylinderPullPressures[156]:f:kPa secondaryCylinderPushPressures[112]:f:kPa secondaryCylinderPullPressures[112]:f:kPa
T gyroData 50 timestamp:d:s angularVelocityX:f:deg/s angularVelocityY:f:deg/s angularVelocityZ:f:deg/s sequenceNumber:i temperature:i:deg_C
T powerSupplyData 10 timestamp:d:s lightPowerNetworkCurrent:f:A controlsPowerNetworkCurrent:f:A powerNetworkACurrent:f:A powerNetworkBCurrent:f:A powerNetworkCCurrent:f:A powerNetworkDCurrent:f:A
T pidData 50 timestamp:d:s setpoint[6]:d:N measuredPID[6]:d:N error[6]:d:N errorT1[6]:d:N errorT2[6]:d:N control[6]:d:N controlT1[6]:d:N controlT2[6]:d:N
T hardpointMonitorData 10 timestamp:d:s breakawayLVDT[6]:f:V displacementLVDT[6]:f:V breakawayPressure[6]:f:bar pressureSensor1[6]:f:bar pressureSensor2[6]:f:bar pressureSensor3[6]:f:bar
T appliedCylinderForces 50 timestamp:d:s secondaryCylinderForces[112]:f:N primaryCylinderForces[156]:f:N
T appliedForces 50 timestamp:d:s xForces[12]:f:N yForces[100]:f:N zForces[156]:f:N fx:f:N fy:f:N fz:f:N mx:f:N~m my:f:N~m mz:f:N~m forceMagnitude:f:N
T appliedAccelerationForces 50 timestamp:d:s xForces[12]:f:N yForces[100]:f:N zForces[156]:f:N fx:f:N fy:f:N fz:f:N mx:f:N~m my:f:N~m mz:f:N~m forceMagnitude:f:N
T appliedAzimuthForces 50 timestamp:d:s xForces[12]:f:N yForces[100]:f:N zForces[156]:f:N fx:f:N fy:f:N fz:f:N mx:f:N~m my:f:N~m mz:f:N~m forceMagnitude:f:N
T appliedBalanceForces 50 timestamp:d:s xForces[12]:f:N yForces[100]:f:N zForces[156]:f:N fx:f:N fy:f:N fz:f:N mx:f:N~m my:f:N~m mz:f:N~m forceMagnitude:f:N
T appliedElevationForces 50 timestamp:d:s xForces[12]:f:N yForces[100]:f:N zForces[156]:f:N fx:f:N fy:f:N fz:f:N mx:f:N~m my:f:N~m mz:f:N~m forceMagnitude:f:N
T appliedThermalForces 50 timestamp:d:s xForces[12]:f:N yForces[100]:f:N zForces[156]:f:N fx:f:N fy:f:N fz:f:N mx:f:N~m my:f:N~m mz:f:N~m forceMagnitude:f:N
T appliedVelocityForces 50 timestamp:d:s xForces[12]:f:N yForces[100]:f:N zForces[156]:f:N fx:f:N fy:f:N fz:f:N mx:f:N~m my:f:N~m mz:f:N~m forceMagnitude:f:N
E detailedState timestamp:d:s detailedState:i
E forceControllerState timestamp:d:s slewFlag:b staticForcesApplied:b elevationForcesApplied:b azimuthForcesApplied:b thermalForcesApplied:b offsetForcesApplied:b accelerationForcesApplied:b velocityForcesApplied:b activeOpticForcesApplied:b balanceForcesApplied:b
E hardpointActuatorState timestamp:d:s motionState[6]:i
E forceActuatorState timestamp:d:s slewFlag:b balanceForcesApplied:b supportPercentage:f:%
E accelerometerWarning timestamp:d:s anyWarning:b responseTimeout:b
E airSupplyStatus timestamp:d:s airCommandedOn:b airCommandOutputOn:b airValveOpened:b airValveClosed:b
E airSupplyWarning timestamp:d:s anyWarning:b commandOutputMismatch:b commandSensorMismatch:b
E appliedAberrationForces timestamp:d:s zForces[156]:f:N fz:f:N mx:f:N~m my:f:N~m
E appliedActiveOpticForces timestamp:d:s zForces[156]:f:N fz:f:N mx:f:N~m my:f:N~m
E appliedOffsetForces timestamp:d:s xForces[12]:f:N yForces[100]:f:N zForces[156]:f:N fx:f:N fy:f:N fz:f:N mx:f:N~m my:f:N~m mz:f:N~m forceMagnitude:f:N
E appliedStaticForces timestamp:d:s xForces[12]:f:N yForces[100]:f:N zForces[156]:f:N fx:f:N fy:f:N fz:f:N mx:f:N~m my:f:N~m mz:f:N~m forceMagnitude:f:N
E cellLightStatus timestamp:d:s cellLightsCommandedOn:b cellLightsOutputOn:b cellLightsOn:b
E cellLightWarning timestamp:d:s anyWarning:b cellLightsOutputMismatch:b cellLightsSensorMismatch:b
E displacementSensorWarning timestamp:d:s anyWarning:b sensorReportsInvalidCommand:b sensorReportsCommunicationTimeoutError:b invalidResponse:b
E enabledForceActuators timestamp:d:s forceActuatorEnabled[156]:b
E forceActuatorBumpTestStatus timestamp:d:s actuatorId:i primaryTest[156]:i secondaryTest[112]:i primaryTestTimestamps[156]:d:s secondaryTestTimestamps[112]:d:s
E forceActuatorForceWarning timestamp:d:s anyWarning:b primaryAxisMeasuredForceWarning[156]:b secondaryAxisMeasuredForceWarning[112]:b primaryAxisFollowingErrorWarning[156]:b secondaryAxisFollowingErrorWarning[112]:b
E forceActuatorInfo timestamp:d:s referenceId[156]:i xDataReferenceId[12]:i yDataReferenceId[100]:i zDataReferenceId[156]:i modbusSubnet[156]:i modbusAddress[156]:i xPosition[156]:f:m yPosition[156]:f:m zPosition[156]:f:m
E forceActuatorSettings timestamp:d:s useInclinometer:b mirrorXMoment:f:N~m mirrorYMoment:f:N~m mirrorZMoment:f:N~m setpointXMomentHighLimitFactor:f raiseIncrementPercentage:f:% lowerDecrementPercentage:f:% raiseLowerFollowingErrorLimit:f:N
E forceActuatorWarning timestamp:d:s anyWarning:b anyMajorFault:b anyMinorFault:b anyFaultOverride:b anyBroadcastCounterWarning:b
E forceSetpointWarning timestamp:d:s anyWarning:b safetyLimitWarning[156]:b nearNeighborWarning[156]:b farNeighborWarning[156]:b anyElevationForceWarning:b anyAzimuthForceWarning:b
E gyroWarning timestamp:d:s anyWarning:b gyroXSLDWarning:b gyroYSLDWarning:b gyroZSLDWarning:b gyroSensorTemperatureStatusWarning:b
E hardpointActuatorInfo timestamp:d:s referenceId[6]:i referencePosition[6]:i modbusSubnet[6]:i modbusAddress[6]:i xPosition[6]:f:m yPosition[6]:f:m zPosition[6]:f:m
E hardpointActuatorSettings timestamp:d:s micrometersPerStep:d:um micrometersPerEncoder:d:um hardpointMeasuredForceFaultHigh:f:N hardpointMeasuredForceFaultLow:f:N hardpointMeasuredForceWarningHigh:f:N airPressureFaultHigh:f:bar
E hardpointActuatorWarning timestamp:d:s anyWarning:b anyMajorFault:b anyMinorFault:b anyLimitSwitch1Operated:b anyLimitSwitch2Operated:b anyLowAirPressure:b anyHighAirPressure:b
E hardpointMonitorInfo timestamp:d:s referenceId[6]:i modbusSubnet[6]:i modbusAddress[6]:i mezzanineUniqueId[6]:s
E hardpointMonitorWarning timestamp:d:s anyWarning:b anyMajorFault:b anyMinorFault:b anyFaultOverride:b
E ilcWarning timestamp:d:s anyWarning:b responseTimeout:b invalidCRC:b illegalFunction:b illegalDataValue:b invalidLength:b unknownSubnet:b unknownAddress:b unknownFunction:b unknownProblem:b
E inclinometerSensorWarning timestamp:d:s anyWarning:b sensorReportsIllegalFunction:b sensorReportsIllegalDataAddress:b responseTimeout:b invalidCRC:b
E interlockStatus timestamp:d:s heartbeatCommandedState:b heartbeatOutputState:b
E interlockWarning timestamp:d:s anyWarning:b heartbeatStateOutputMismatch:b auxPowerNetworksOff:b thermalEquipmentOff:b airSupplyOff:b cabinetDoorOpen:b tmaMotionStop:b gisHeartbeatLost:b
E powerStatus timestamp:d:s powerNetworkACommandedOn:b powerNetworkBCommandedOn:b powerNetworkCCommandedOn:b powerNetworkDCommandedOn:b auxPowerNetworkACommandedOn:b auxPowerNetworkBCommandedOn:b
E powerSupplyStatus timestamp:d:s rcpMirrorCellUtility220VAC1Status:b rcpCabinetUtility220VACStatus:b rcpExternalEquipment220VACStatus:b
E powerWarning timestamp:d:s anyWarning:b powerNetworkAOutputMismatch:b powerNetworkBOutputMismatch:b powerNetworkCOutputMismatch:b powerNetworkDOutputMismatch:b
E preclippedCylinderForces timestamp:d:s secondaryCylinderForces[112]:f:N primaryCylinderForces[156]:f:N
E preclippedForces timestamp:d:s xForces[12]:f:N yForces[100]:f:N zForces[156]:f:N fx:f:N fy:f:N fz:f:N mx:f:N~m my:f:N~m mz:f:N~m forceMagnitude:f:N
E preclippedOffsetForces timestamp:d:s xForces[12]:f:N yForces[100]:f:N zForces[156]:f:N fx:f:N fy:f:N fz:f:N mx:f:N~m my:f:N~m mz:f:N~m forceMagnitude:f:N
E preclippedStaticForces timestamp:d:s xForces[12]:f:N yForces[100]:f:N zForces[156]:f:N fx:f:N fy:f:N fz:f:N mx:f:N~m my:f:N~m mz:f:N~m forceMagnitude:f:N
E raisingLoweringInfo timestamp:d:s weightSupportedPercent:f:% waitHardpoint[6]:b waitXForceActuator[12]:b waitYForceActuator[100]:b waitZForceActuator[156]:b
E boosterValveStatus timestamp:d:s slewFlag:b userTriggered:b followingErrorTriggered:b accelerometerTriggered:b
E boosterValveSettings timestamp:d:s followingErrorTriggerEnabled:b followingErrorTriggerOpen:f:N followingErrorTriggerClose:f:N accelerometerTriggerEnabled:b
E pidInfo timestamp:d:s timestep[6]:d:s p[6]:d i[6]:d d[6]:d n[6]:d calculatedA[6]:d calculatedB[6]:d
E pidSettings timestamp:d:s timestep[6]:d:s p[6]:d i[6]:d d[6]:d n[6]:d
E displacementSensorSettings timestamp:d:s ports[8]:i permutation[8]:i xPositionOffset:f:m yPositionOffset:f:m zPositionOffset:f:m
E inclinometerSettings timestamp:d:s inclinometerOffset:f:deg
E accelerometerSettings timestamp:d:s angularAccelerationDistance[3]:f:m bias[8]:f:V sensitivity[8]:f:V/(m/s2) accelerometerOffset[8]:f:m/s2 scalar[8]:f
E gyroSettings timestamp:d:s dataRate:i angularVelocityXOffset:f:deg/s angularVelocityYOffset:f:deg/s angularVelocityZOffset:f:deg/s axesMatrix[9]:f
E positionControllerSettings timestamp:d:s forceToStepsCoefficient:f encoderToStepsCoefficient:f maxStepsPerLoop:i raiseLowerForceLimitLow:f:N raiseLowerForceLimitHigh:f:N raiseLowerTimeout:f:s
E slewControllerSettings timestamp:d:s triggerBoosterValves:b useAccelerationForces:b useBalanceForces:b useVelocityForces:b
C raiseM1M3 bypassReferencePosition:b
C lowerM1M3
C abortRaiseM1M3
C applyActiveOpticForces zForces[156]:f:N
C clearActiveOpticForces
C applyOffsetForces xForces[12]:f:N yForces[100]:f:N zForces[156]:f:N
C applyOffsetForcesByMirrorForce xForce:f:N yForce:f:N zForce:f:N xMoment:f:N~m yMoment:f:N~m zMoment:f:N~m
C clearOffsetForces
C translateM1M3 xTranslation:f:m yTranslation:f:m zTranslation:f:m xRotation:f:rad yRotation:f:rad zRotation:f:rad
C positionM1M3 xPosition:f:m yPosition:f:m zPosition:f:m xRotation:f:rad yRotation:f:rad zRotation:f:rad
C moveHardpointActuators steps[6]:i
C stopHardpointMotion
C enableHardpointChase hardpointActuator:i
C disableHardpointChase hardpointActuator:i
C enableHardpointCorrections
C disableHardpointCorrections
C testHardpoint hardpointActuator:i
C killHardpointTest hardpointActuator:i
C forceActuatorBumpTest actuatorId:i testPrimary:b testSecondary:b
C killForceActuatorBumpTest
C enableForceActuator actuatorId:i
C disableForceActuator actuatorId:i
C enableAllForceActuators
C enableDisableForceComponent forceComponent:i enable:b
C turnPowerOn powerNetworkA:b powerNetworkB:b powerNetworkC:b powerNetworkD:b auxPowerNetworkA:b auxPowerNetworkB:b
C turnPowerOff powerNetworkA:b powerNetworkB:b powerNetworkC:b powerNetworkD:b auxPowerNetworkA:b auxPowerNetworkB:b
C turnAirOn
C turnAirOff
C turnLightsOn
C turnLightsOff
C setSlewFlag
C clearSlewFlag
C setAirSlewFlag slewFlag:b
C setSlewControllerSettings slewSettings:i enableSlewManagement:b
C boosterValveOpen
C boosterValveClose
C resetPID pid:i
C updatePID pid:i timestep:d:s p:d i:d d:d n:d
C programILC
C modbusTransmit actuatorId:i functionCode:i data[252]:i dataLength:i
C panic
C enterEngineering
C exitEngineering
C runMirrorForceProfile xForce[1000]:f:N yForce[1000]:f:N zForce[1000]:f:N xMoment[1000]:f:N~m yMoment[1000]:f:N~m zMoment[1000]:f:N~m
C abortProfile
C applyAberrationForces zForces[156]:f:N
C clearAberrationForces

CSC MTM1M3TS - Main telescope M1M3 thermal system
T thermalData 1 timestamp:d:s ilcFault[96]:b heaterDisabled[96]:b breakerHeater1Error[96]:b fanBreakerFailed[96]:b heaterPWM[96]:f:% fanRPM[96]:i absoluteTemperature[96]:f:deg_C differentialTemperature[96]:f:deg_C
T mixingValve 1 timestamp:d:s rawValvePosition:f:V valvePosition:f:%
T glycolLoopTemperature 1 timestamp:d:s aboveMirrorTemperature:f:deg_C insideCellTemperature1:f:deg_C insideCellTemperature2:f:deg_C insideCellTemperature3:f:deg_C telescopeCoolantSupplyTemperature:f:deg_C telescopeCoolantReturnTemperature:f:deg_C mirrorCoolantSupplyTemperature:f:deg_C mirrorCoolantReturnTemperature:f:deg_C
T flowMeter 1 timestamp:d:s signalStrength:f:unitless flowRate:f:l/min netTotalizer:f:l positiveTotalizer:f:l negativeTotalizer:f:l
T glycolPump 1 timestamp:d:s commandedFrequency:f:Hz targetFrequency:f:Hz outputFrequency:f:Hz outputCurrent:f:A busVoltage:f:V outputVoltage:f:V
E thermalInfo timestamp:d:s referenceId[96]:i modbusAddress[96]:i xPosition[96]:f:m yPosition[96]:f:m zPosition[96]:f:m
E thermalWarning timestamp:d:s anyWarning:b majorFault[96]:b minorFault[96]:b faultOverride[96]:b refResistorError[96]:b rtdError[96]:b
E powerStatus timestamp:d:s fanCoilsHeatersOn:b coolantPumpOn:b
E enabledILC timestamp:d:s enabled[96]:b
E heaterFanDemand timestamp:d:s heaterPWM[96]:i fanRPM[96]:i
E thermalSettings timestamp:d:s enabledFCU[96]:b
E glycolPumpStatus timestamp:d:s ready:b running:b forwardCommanded:b forwardRotating:b accelerating:b decelerating:b faulted:b
E flowMeterMPUStatus timestamp:d:s frequencyInput:f:Hz
E engineeringMode engineeringMode:b
E appliedSetpoint setpoint:f:deg_C
C setEngineeringMode enableEngineeringMode:b
C heaterFanDemand heaterPWM[96]:i fanRPM[96]:i
C setMixingValve mixingValveTarget:f:%
C coolantPumpPower power:b
C coolantPumpStart
C coolantPumpStop
C coolantPumpFrequency targetFrequency:f:Hz
C coolantPumpReset
C fanCoilsHeatersPower power:b
C applySetpoint setpoint:f:deg_C

CSC MTM2 - Main telescope M2 mirror support system
T axialForce 20 lutGravity[72]:d:N lutTemperature[72]:d:N applied[72]:d:N measured[72]:d:N hardpointCorrection[72]:d:N
T tangentForce 20 lutGravity[6]:d:N lutTemperature[6]:d:N applied[6]:d:N measured[6]:d:N hardpointCorrection[6]:d:N
T temperature 1 ring[12]:d:deg_C intake[2]:d:deg_C exhaust[2]:d:deg_C
T zenithAngle 20 measured:d:deg inclinometerRaw:d:deg inclinometerProcessed:d:deg
T inclinometerAngleTma 20 inclinometer:d:deg
T axialActuatorSteps 20 steps[72]:l
T tangentActuatorSteps 20 steps[6]:l
T axialEncoderPositions 20 position[72]:d:um
T tangentEncoderPositions 20 position[6]:d:um
T ilcData 1 status[78]:i
T displacementSensors 1 thetaZ[6]:d:um deltaZ[6]:d:um
T forceBalance 20 fx:d:N fy:d:N fz:d:N mx:d:N~m my:d:N~m mz:d:N~m
T netForcesTotal 20 fx:d:N fy:d:N fz:d:N
T netMomentsTotal 20 mx:d:N~m my:d:N~m mz:d:N~m
T position 20 x:d:um y:d:um z:d:um xRot:d:arcsec yRot:d:arcsec zRot:d:arcsec
T positionIMS 20 x:d:um y:d:um z:d:um xRot:d:arcsec yRot:d:arcsec zRot:d:arcsec
T powerStatus 1 motorVoltage:d:V motorCurrent:d:A commVoltage:d:V commCurrent:d:A
T powerStatusRaw 1 motorVoltage:d:V motorCurrent:d:A commVoltage:d:V commCurrent:d:A
T forceErrorTangent 20 force[6]:d:N weight:d:N sum:d:N
E m2AssemblyInPosition inPosition:b
E cellTemperatureHiWarning hiWarning:b
E detailedState detailedState:i
E commandableByDDS state:b
E forceBalanceSystemStatus status:b
E interlock state:b
E tcpIpConnected isConnected:b
E hardpointList actuators[6]:i
E inclinationTelemetrySource source:i
E temperatureOffset ring[12]:d:deg_C intake[2]:d:deg_C exhaust[2]:d:deg_C
E config configuration:s version:s controlParameters:s lutParameters:s powerWarningMotor:d:% powerFaultMotor:d:% cellTemperatureDelta:d:deg_C
E openLoopMaxLimit status:b
E limitSwitchStatus retract[12]:i extend[12]:i
E powerSystemState powerType:i status:b state:i
E closedLoopControlMode mode:i
E innerLoopControlMode address:i mode:i
E summaryFaultsStatus status:l
E enabledFaultsMask mask:l
E configurationFiles files:s
E digitalInput value:l
E digitalOutput value:i
E scriptExecutionStatus percentage:d:%
E bypassedActuatorILCs ilcs:s
C applyForces axial[72]:f:N tangent[6]:f:N
C positionMirror x:f:um y:f:um z:f:um xRot:f:arcsec yRot:f:arcsec zRot:f:arcsec
C resetForceOffsets
C clearErrors
C switchForceBalanceSystem status:b
C selectInclinationSource source:i maxDifference:f:deg
C setTemperatureOffset ring[12]:f:deg_C intake[2]:f:deg_C exhaust[2]:f:deg_C
C bypassErrorCode code:i
C resetEnabledFaultsMask
C enableOpenLoopMaxLimit status:b
C saveMirrorPosition
C setConfigurationFile file:s
C moveActuator actuator:i displacement:f:um step:i
C setHardpointList actuators[6]:i
C setBypassedActuatorILCs ilcs:s
C power powerType:i status:b

CSC MTMount - Main telescope mount (TMA)
T azimuth 20 actualPosition:d:deg actualVelocity:d:deg/s actualAcceleration:d:deg/s2 actualTorque:d:N~m demandPosition:d:deg demandVelocity:d:deg/s demandAcceleration:d:deg/s2 timestamp:d:s
T elevation 20 actualPosition:d:deg actualVelocity:d:deg/s actualAcceleration:d:deg/s2 actualTorque:d:N~m demandPosition:d:deg demandVelocity:d:deg/s demandAcceleration:d:deg/s2 timestamp:d:s
T azimuthDrives 20 current[16]:d:A timestamp:d:s
T elevationDrives 20 current[12]:d:A timestamp:d:s
T azimuthDrivesThermal 1 current[16]:d:A temperature[16]:d:deg_C timestamp:d:s
T elevationDrivesThermal 1 current[12]:d:A temperature[12]:d:deg_C timestamp:d:s
T cameraCableWrap 20 actualPosition:d:deg actualVelocity:d:deg/s actualAcceleration:d:deg/s2 demandPosition:d:deg demandVelocity:d:deg/s timestamp:d:s
T azimuthCableWrap 20 actualPosition:d:deg actualVelocity:d:deg/s actualTorque:d:N~m timestamp:d:s
T balancing 1 actualPosition[4]:d:mm actualVelocity[4]:d:mm/s actualTorque[4]:d:N~m timestamp:d:s
T encoder 20 elevationEncoderAbsolutePosition[4]:d:deg azimuthEncoderAbsolutePosition[4]:d:deg elevationEncoderHeadPosition[4]:d:deg azimuthEncoderHeadPosition[4]:d:deg timestamp:d:s
T lockingPins 1 linearSensorPositions[2]:d:mm timestamp:d:s
T mainCabinetThermal 1 topCabinetTemperature:d:deg_C bottomCabinetTemperature:d:deg_C setpointTemperature:d:deg_C valvePosition:d:% timestamp:d:s
T mainPowerSupply 1 current:d:A voltage:d:V powerLine:d:kW timestamp:d:s
T mirrorCover 1 actualPosition[4]:d:% actualVelocity[4]:d:%/s timestamp:d:s
T mirrorCoverLocks 1 actualPosition[4]:d:mm timestamp:d:s
T oilSupplySystem 1 pressureOilInlet:d:bar temperatureOilInlet:d:deg_C flowOilInlet:d:l/min timestamp:d:s
T safetySystem 1 versionMajor:i versionMinor:i timestamp:d:s
T topEndChiller 1 actualTemperature:d:deg_C setpointTemperature:d:deg_C timestamp:d:s
T cabinet0101Thermal 1 temperature[3]:d:deg_C setpoint:d:deg_C valvePosition:d:% timestamp:d:s
T deployablePlatforms 1 actualPosition[2]:d:mm timestamp:d:s
T compressedAir 1 pressure:d:bar dewPoint:d:deg_C timestamp:d:s
T cooling 1 glycolTemperature:d:deg_C glycolPressure:d:bar glycolFlow:d:l/min timestamp:d:s
T dynaleneCooling 1 dynaleneTemperature:d:deg_C dynalenePressure:d:bar dynaleneFlow:d:l/min timestamp:d:s
T generalPurposeGlycolWater 1 glycolTemperaturePumpRoom:d:deg_C glycolTemperatureTelescope:d:deg_C timestamp:d:s
T auxiliaryCabinetsThermal 1 temperature[8]:d:deg_C setpoint[8]:d:deg_C timestamp:d:s
E azimuthInPosition inPosition:b
E elevationInPosition inPosition:b
E cameraCableWrapFollowing enabled:b
E axesInPosition azimuth:b elevation:b
E azimuthMotionState state:i position:d:deg velocity:d:deg/s
E elevationMotionState state:i position:d:deg velocity:d:deg/s
E cameraCableWrapMotionState state:i position:d:deg velocity:d:deg/s
E azimuthSystemState powerState:i motionControllerState[4]:i
E elevationSystemState powerState:i motionControllerState[2]:i
E azimuthDrivesThermalSystemState powerState:i
E azimuthToppleBlock reverse:b forward:b
E azimuthLimits limits:i
E elevationLimits limits:i
E cameraCableWrapTarget position:d:deg velocity:d:deg/s taiTime:d:s
E commander commander:i
E connected connected:b
E deployablePlatformsMotionState state:i elementsState[2]:i
E elevationLockingPinMotionState state:i elementsState[2]:i
E mirrorCoversMotionState state:i elementsState[4]:i
E mirrorCoverLocksMotionState state:i elementsState[4]:i
E lockingPinsSystemState powerState:i
E mirrorCoversSystemState powerState:i
E oilSupplySystemState powerState:i coolingPowerState:i oilPowerState:i mainPumpPowerState:i
E safetyInterlocks causes:l subcausesEmergencyStop:l subcausesLimitSwitch:l subcausesDeployablePlatform:l subcausesDoorHatchControl:l
E target azimuth:d:deg azimuthVelocity:d:deg/s elevation:d:deg elevationVelocity:d:deg/s taiTime:d:s trackId:i tracksys:s radesys:s
E telemetryClientConnected connected:b
E warning name:s code:i text:s active:b
E clockOffset offset:d:s
E homingStatus homing:b
C moveToTarget azimuth:d:deg elevation:d:deg
C startTracking
C stopTracking
C trackTarget azimuth:d:deg azimuthVelocity:d:deg/s elevation:d:deg elevationVelocity:d:deg/s taiTime:d:s trackId:i tracksys:s radesys:s
C stop
C homeBothAxes
C openMirrorCovers leaf:i
C closeMirrorCovers leaf:i
C lockMirrorCovers
C unlockMirrorCovers
C enableCameraCableWrapFollowing
C disableCameraCableWrapFollowing
C clearError
C setOperationalMode subsystem:i mode:i
C restoreDefaultSettings
C applySettingsSet settings:s restoreDefaults:b
C park position:i
C unpark
C setLimits
C enableMotion
C disableMotion

CSC MTHexapod 1,2 Camera (1) and M2 (2) hexapods
T actuators 50 calibrated[6]:d:um raw[6]:i
T application 50 demand[6]:d position[6]:d error[6]:d
T electrical 50 copleyStatusWordDrive[6]:i copleyLatchingFaultStatus[6]:i motorCurrent[6]:f:A busVoltage[3]:f:V
E compensationMode enabled:b
E inPosition inPosition:b
E uncompensatedPosition x:d:um y:d:um z:d:um u:d:deg v:d:deg w:d:deg
E compensatedPosition x:d:um y:d:um z:d:um u:d:deg v:d:deg w:d:deg
E compensationOffset elevation:d:deg azimuth:d:deg rotation:d:deg temperature:d:deg_C x:d:um y:d:um z:d:um u:d:deg v:d:deg w:d:deg
E configuration maxXY:d:um minZ:d:um maxZ:d:um maxUV:d:deg maxW:d:deg maxVelocityXY:d:um/s maxVelocityZ:d:um/s maxVelocityUV:d:deg/s maxVelocityW:d:deg/s
E controllerState controllerState:i offlineSubstate:i enabledSubstate:i applicationStatus[6]:i
E commandableByDDS state:b
E connected connected:b
E interlock engaged:b
C move x:d:um y:d:um z:d:um u:d:deg v:d:deg w:d:deg sync:b
C offset x:d:um y:d:um z:d:um u:d:deg v:d:deg w:d:deg sync:b
C setPivot x:d:um y:d:um z:d:um
C setCompensationMode enable:b
C stop

CSC MTRotator - Main telescope camera rotator
T rotation 20 demandPosition:d:deg demandVelocity:d:deg/s demandAcceleration:d:deg/s2 actualPosition:d:deg actualVelocity:d:deg/s debugActualVelocityA:d:deg/s debugActualVelocityB:d:deg/s odometer:d:deg timestamp:d:s
T motors 20 calibrated[2]:d:deg raw[2]:d current[2]:d:A torque[2]:d:N~m
T electrical 20 copleyStatusWordDrive[2]:i copleyLatchingFaultStatus[2]:i
T ccwFollowingError 20 positionError:d:deg velocityError:d:deg/s timestamp:d:s
E inPosition inPosition:b
E controllerState controllerState:i offlineSubstate:i enabledSubstate:i faultSubstate:i applicationStatus:i
E configuration positionAngleLowerLimit:d:deg positionAngleUpperLimit:d:deg velocityLimit:d:deg/s accelerationLimit:d:deg/s2 emergencyJerkLimit:d:deg/s3 followingErrorThreshold:d:deg trackSuccessPositionThreshold:d:deg trackSuccessTime:d:s drivesEnabled:b
E tracking tracking:b lost:b noNewCommand:b
E commandableByDDS state:b
E connected connected:b
E interlock engaged:b
E target position:d:deg velocity:d:deg/s tai:d:s
E lowFrequencyVibration frequency:d:Hz amplitude:d:deg
C configureAcceleration alimit:d:deg/s2
C configureJerk jlimit:d:deg/s3
C configureVelocity vlimit:d:deg/s
C configureEmergencyAcceleration alimit:d:deg/s2
C configureEmergencyJerk jlimit:d:deg/s3
C move position:d:deg
C track angle:d:deg velocity:d:deg/s tai:d:s
C trackStart
C stop
C fault
C clearError
)spec";
    return QByteArrayView(kText, sizeof(kText) - 1);
}

} // namespace sasquatch
